package cn.minqing.people;

import cn.minqing.platform.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account after repeated wrong passwords (sign-in page and API alike); a success resets the count. */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final AuditLog audit;
    private final int maxFailures;
    private final int lockMinutes;

    LoginAttempts(UserAccounts accounts, AuditLog audit, @Value("${minqing.login.max-failures:5}") int maxFailures,
                  @Value("${minqing.login.lock-minutes:15}") int lockMinutes) {
        this.accounts = accounts;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockMinutes = lockMinutes;
    }

    @EventListener
    @Transactional
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (accounts.failedLogin(username, maxFailures, lockMinutes)) {
            audit.record(username, "account.locked", username, "连续 " + maxFailures + " 次密码错误，锁定 " + lockMinutes + " 分钟");
        }
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.succeededLogin(event.getAuthentication().getName());
    }
}
