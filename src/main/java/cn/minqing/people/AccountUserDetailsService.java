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

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(accounts.signInName(username))
                .map(a -> new Principal(a.user(), a.passwordHash(), a.enabled(), a.locked(), a.securityStamp(),
                        a.mustChangePassword()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
