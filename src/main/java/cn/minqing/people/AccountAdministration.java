package cn.minqing.people;

import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin changes what someone may do: roles, organisation, village, or switches the account off. Each
 * change raises the account's security stamp, which ends its sessions and revokes its tokens at once.
 */
@Service
public class AccountAdministration {

    /** Fields left out (null) stay as they are; an empty organisation or village code clears it. */
    public record Change(List<String> roles, String organisationCode, String villageCode, Boolean enabled) {
    }

    /** A temporary password, shown once to the admin; the account must replace it at its next sign-in. */
    public record Reset(String username, String temporaryPassword) {
    }

    // no 0/O, 1/l/I: read out over the phone without mistakes
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final Regions regions;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;

    AccountAdministration(UserAccounts accounts, Organisations organisations, Regions regions, AuditLog audit,
                          LoginThrottle throttle, org.springframework.security.crypto.password.PasswordEncoder encoder) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.regions = regions;
        this.audit = audit;
        this.throttle = throttle;
        this.encoder = encoder;
    }

    /**
     * Gives the account a new random password that must be changed at the next sign-in. The old password stops
     * working, its sessions end and its tokens are revoked (the security stamp rises); sign-in refusals are cleared.
     * The audit log records the reset, never the password.
     */
    @Transactional
    public Reset resetPassword(String username, String admin) {
        accounts.find(username).orElseThrow(() -> ApiException.notFound("account.notFound", username));
        String password = temporaryPassword();
        accounts.setPassword(username, encoder.encode(password), true);
        throttle.clear(username);
        audit.record(admin, "account.password-reset", username, "临时密码已生成，下次登录须修改");
        return new Reset(username, password);
    }

    /** Clears the sign-in throttle for the account (every address), so its owner may sign in again now. */
    @Transactional
    public int unlock(String username, String admin) {
        accounts.find(username).orElseThrow(() -> ApiException.notFound("account.notFound", username));
        int cleared = throttle.clear(username);
        audit.record(admin, "account.unlocked", username, "清除登录限制 " + cleared + " 条");
        return cleared;
    }

    static String temporaryPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Transactional
    public UserAccounts.Account change(String username, Change change, String admin) {
        UserAccounts.Account account = accounts.find(username)
                .orElseThrow(() -> ApiException.notFound("account.notFound", username));
        CurrentUser user = account.user();
        List<FieldProblem> problems = new ArrayList<>();
        Set<Role> roles = change.roles() == null ? user.roles() : roles(change.roles(), problems);
        String org = change.organisationCode() == null ? user.organisationCode() : blankToNull(change.organisationCode());
        String village = change.villageCode() == null ? user.villageCode() : blankToNull(change.villageCode());
        if (org != null && organisations.find(org).isEmpty()) {
            problems.add(new FieldProblem("organisationCode", "account.organisation.unknown"));
        }
        if (village != null && !regions.isVillage(village)) {
            problems.add(new FieldProblem("villageCode", "account.village.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.setAccess(username, roles, village, org);
        if (change.enabled() != null) {
            accounts.setEnabled(username, change.enabled());
        }
        audit.record(admin, "account.changed", username, "roles=" + roles + " organisation=" + org + " village=" + village
                + (change.enabled() == null ? "" : " enabled=" + change.enabled()));
        return accounts.find(username).orElseThrow();
    }

    private static Set<Role> roles(List<String> names, List<FieldProblem> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("roles", "account.role.invalid"));
                return roles;
            }
        }
        if (roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "account.role.invalid"));
        }
        return roles;
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
