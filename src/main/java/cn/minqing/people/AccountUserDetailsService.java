package cn.minqing.people;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for sign-in, by user name or by the mobile number of the account (手机号). */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountUserDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The account of that user name, else of that mobile number ({@link UserAccounts#signInName}): one statement for
     * the common case (every API request signs in with a user name or token; issue 16).
     */
    @Override
    public UserDetails loadUserByUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new UsernameNotFoundException("no such user");
        }
        return accounts.find(username).or(() -> accounts.find(accounts.signInName(username)))
                .map(a -> new Principal(a.user(), a.passwordHash(), a.enabled(), a.locked(), a.securityStamp(),
                        a.mustChangePassword()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
