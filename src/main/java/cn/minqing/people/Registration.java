package cn.minqing.people;

import cn.minqing.county.Regions;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.audit.ClientAddresses;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A villager signs up with a mobile number and a password; the number is the user name. Self sign-up is
 * rate-limited ({@link SignUpLimits}); an account a cadre opens (代办开户) must change its password at first
 * sign-in, so that the cadre, who chose it, cannot act as the villager.
 */
@Service
public class Registration {

    public record Form(String phone, String password, String displayName, String villageCode) {
    }

    private final UserAccounts accounts;
    private final Regions regions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final SignUpLimits limits;
    private final ClientAddresses addresses;
    private final org.springframework.context.ApplicationEventPublisher events;

    Registration(UserAccounts accounts, Regions regions, PasswordEncoder encoder, AuditLog audit, SignUpLimits limits,
                 ClientAddresses addresses, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.regions = regions;
        this.encoder = encoder;
        this.audit = audit;
        this.limits = limits;
        this.addresses = addresses;
    }

    /** A cadre opens an account for a villager of their region who cannot do it themselves. */
    @Transactional
    public String registerFor(Form f, CurrentUser cadre) {
        boolean inScope = cadre.is(Role.ADMIN) || (cadre.is(Role.CADRE) && f.villageCode() != null
                && cadre.covers(regions.pathOf(f.villageCode())));
        if (!inScope) {
            throw ApiException.forbidden("register.notYourVillage");
        }
        validate(f);
        String username = create(f);
        accounts.requirePasswordChange(username);
        audit.record(cadre.username(), "account.created-for-villager", username, f.villageCode());
        events.publishEvent(new AccountOpenedForVillager(username));
        return username;
    }

    /** Self sign-up, from the page or the API. */
    @Transactional
    public String register(Form f) {
        validate(f);
        String address = addresses.current();
        limits.check(address, f.villageCode());
        String username = create(f);
        limits.record(address, f.villageCode());
        audit.record(username, "account.registered", username, f.villageCode());
        return username;
    }

    private void validate(Form f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.phone() == null || !f.phone().matches("1\\d{10}")) {
            problems.add(new FieldProblem("phone", "register.phone.invalid"));
        }
        PasswordPolicy.problem("password", f.phone(), f.password()).ifPresent(problems::add);
        if (f.displayName() == null || f.displayName().isBlank() || f.displayName().length() > 30) {
            problems.add(new FieldProblem("displayName", "register.name.required"));
        }
        if (f.villageCode() == null || !regions.isVillage(f.villageCode())) {
            problems.add(new FieldProblem("villageCode", "case.village.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private String create(Form f) {
        if (accounts.exists(f.phone())) {
            throw ApiException.conflict("register.phone.taken");
        }
        accounts.create(f.phone(), encoder.encode(f.password()), f.displayName().strip(), Set.of(Role.VILLAGER),
                f.villageCode(), null);
        accounts.setPhone(f.phone(), f.phone());
        return f.phone();
    }
}
