package cn.minqing.people;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.audit.ClientAddresses;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds sign-ins by password (sign-in page and HTTP Basic alike) to the {@link LoginThrottle}, with the
 * client's address; the refusal itself is {@link LoginThrottleFilter}'s.
 */
@Component
class LoginAttempts {

    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final AuditLog audit;

    LoginAttempts(LoginThrottle throttle, ClientAddresses addresses, AuditLog audit) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.audit = audit;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (throttle.failed(username, addresses.current())) {
            audit.record(username, "login.throttled", username, "密码错误次数过多，暂时拒绝该地址登录");
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof Principal) {
            throttle.succeeded(event.getAuthentication().getName(), addresses.current());
        }
    }
}
