package cn.minqing.people;

import cn.minqing.county.Regions;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A villager signs up with a mobile number and a password; the number is the user name. */
@Service
public class Registration {

    public record Form(String phone, String password, String displayName, String villageCode) {
    }

    private final UserAccounts accounts;
    private final Regions regions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    Registration(UserAccounts accounts, Regions regions, PasswordEncoder encoder, AuditLog audit) {
        this.accounts = accounts;
        this.regions = regions;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** A cadre opens an account for a villager of their region who cannot do it themselves. */
    @Transactional
    public String registerFor(Form f, CurrentUser cadre) {
        boolean inScope = cadre.is(Role.ADMIN) || (cadre.is(Role.CADRE) && cadre.scopeRegion() != null
                && f.villageCode() != null && f.villageCode().startsWith(cadre.scopeRegion()));
        if (!inScope) {
            throw ApiException.forbidden("register.notYourVillage");
        }
        String username = register(f);
        audit.record(cadre.username(), "account.created-for-villager", username, f.villageCode());
        return username;
    }

    @Transactional
    public String register(Form f) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.phone() == null || !f.phone().matches("1\\d{10}")) {
            problems.add(new FieldProblem("phone", "register.phone.invalid"));
        }
        if (f.password() == null || f.password().length() < 8) {
            problems.add(new FieldProblem("password", "register.password.short"));
        }
        if (f.displayName() == null || f.displayName().isBlank() || f.displayName().length() > 30) {
            problems.add(new FieldProblem("displayName", "register.name.required"));
        }
        if (f.villageCode() == null || !regions.isVillage(f.villageCode())) {
            problems.add(new FieldProblem("villageCode", "case.village.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (accounts.exists(f.phone())) {
            throw ApiException.conflict("register.phone.taken");
        }
        accounts.create(f.phone(), encoder.encode(f.password()), f.displayName().strip(), Set.of(Role.VILLAGER),
                f.villageCode(), null);
        accounts.setPhone(f.phone(), f.phone());
        audit.record(f.phone(), "account.registered", f.phone(), f.villageCode());
        return f.phone();
    }
}
