package cn.minqing.people;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.audit.ClientAddresses;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person changes their own password, knowing the current one. A wrong current password counts as a failed
 * sign-in (so a borrowed session cannot guess it). The change raises the account's security stamp: the
 * account's other sessions and its API tokens end.
 */
@Service
class Passwords {

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final AuditLog audit;

    Passwords(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, ClientAddresses addresses,
              AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.addresses = addresses;
        this.audit = audit;
    }

    record Change(String currentPassword, String newPassword) {
    }

    @Transactional(noRollbackFor = InvalidInputException.class)
    public void change(String username, Change change) {
        String address = addresses.current();
        if (throttle.refusal(username, address).isPresent()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "login.throttled");
        }
        UserAccounts.Account account = accounts.find(username).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        boolean currentRight = change.currentPassword() != null
                && change.currentPassword().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES
                && encoder.matches(change.currentPassword(), account.passwordHash());
        if (!currentRight) {
            problems.add(new FieldProblem("currentPassword", "password.currentWrong"));
            throttle.failed(username, address);
        }
        PasswordPolicy.problem("newPassword", username, change.newPassword()).ifPresent(problems::add);
        if (problems.isEmpty() && change.newPassword().equals(change.currentPassword())) {
            problems.add(new FieldProblem("newPassword", "password.same"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        accounts.setPassword(username, encoder.encode(change.newPassword()), false);
        audit.record(username, "account.password-changed", username, null);
    }
}
