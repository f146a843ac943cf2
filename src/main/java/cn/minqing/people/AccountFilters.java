package cn.minqing.people;

import cn.minqing.platform.audit.ClientAddresses;
import jakarta.servlet.Filter;
import org.springframework.stereotype.Component;

/**
 * The account checks the security chains add (not servlet filters of their own): the sign-in throttle, and
 * the per-request check of the account's state (stamp, disabled, must change its password).
 */
@Component
public class AccountFilters {

    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final UserAccounts accounts;
    private final ProblemResponses problems;

    AccountFilters(LoginThrottle throttle, ClientAddresses addresses, UserAccounts accounts, ProblemResponses problems) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.accounts = accounts;
        this.problems = problems;
    }

    /** Before the password checks (HTTP Basic, the sign-in form). */
    public Filter loginThrottle() {
        return new LoginThrottleFilter(throttle, addresses, problems);
    }

    /** After authentication, before authorization; {@code api}: answer with problem details, not redirects. */
    public Filter accountState(boolean api) {
        return new AccountStateFilter(accounts, problems, api);
    }
}
