package cn.minqing.people;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing without letting anyone lock someone else out. Wrong passwords are counted per
 * client address and account: after {@code max-failures} that address is refused for that account for
 * 1, 2, 4 … minutes (up to {@code max-delay}); other addresses, and sessions and tokens, are unaffected.
 * Across accounts (password spraying) an address is refused the same way after {@code address-max-failures}.
 * A refusal's end starts the count again; a success clears the account's count for that address; failures
 * further apart than {@code failure-window} are not added up, and after {@code forget-after} without a
 * failure the delays start again from the first. Unknown user names are counted like real ones, so a
 * refusal tells nothing about whether an account exists. Kept in PostgreSQL: shared by every app instance.
 */
@Component
class LoginThrottle {

    /** The key of an address's failures across every account. */
    static final String ANY_ACCOUNT = "*";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;
    private final int maxFailures;
    private final int addressMaxFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration failureWindow;
    private final Duration forgetAfter;

    LoginThrottle(JdbcClient jdbc, UserAccounts accounts, Clock clock,
                  @Value("${minqing.login.max-failures:5}") int maxFailures,
                  @Value("${minqing.login.address-max-failures:20}") int addressMaxFailures,
                  @Value("${minqing.login.first-delay:1m}") Duration firstDelay,
                  @Value("${minqing.login.max-delay:1h}") Duration maxDelay,
                  @Value("${minqing.login.failure-window:15m}") Duration failureWindow,
                  @Value("${minqing.login.forget-after:24h}") Duration forgetAfter) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.addressMaxFailures = addressMaxFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.failureWindow = failureWindow;
        this.forgetAfter = forgetAfter;
    }

    /** How long this address must still wait before it may try this account's password, if at all. */
    @Transactional(readOnly = true)
    public Optional<Duration> refusal(String username, String address) {
        if (address == null) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                select max(blocked_until) from minqing.login_throttle
                 where address = ? and username in (?, '*') and blocked_until > ?
                """).params(address, key(username), now).query(OffsetDateTime.class).optional()
                .map(until -> Duration.between(now, until));
    }

    /** Counts a wrong password; returns true if the address is now refused for the account or for all. */
    @Transactional
    public boolean failed(String username, String address) {
        if (address == null) {
            return false;
        }
        boolean account = count(key(username), address, maxFailures);
        boolean any = count(ANY_ACCOUNT, address, addressMaxFailures);
        return account || any;
    }

    @Transactional
    public void succeeded(String username, String address) {
        if (address != null) {
            jdbc.sql("delete from minqing.login_throttle where address = ? and username = ?")
                    .params(address, key(username)).update();
        }
    }

    /**
     * An admin's unlock: forgets every address's failures and refusals for this account, and the cross-account
     * counts of the addresses that had failed on it (so the person can sign in again at once); returns the rows cleared.
     */
    @Transactional
    public int clear(String username) {
        int spray = jdbc.sql("""
                delete from minqing.login_throttle a where a.username = '*'
                   and exists (select 1 from minqing.login_throttle t where t.address = a.address and t.username = ?)
                """).param(key(username)).update();
        int own = jdbc.sql("delete from minqing.login_throttle where username = ?").param(key(username)).update();
        jdbc.sql("update minqing.app_user set failed_logins = 0, locked_until = null where username = ?").param(username).update();
        return own + spray;
    }

    private boolean count(String username, String address, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into minqing.login_throttle (address, username, last_failure_at) values (?, ?, ?)
                on conflict (address, username) do nothing
                """).params(address, username, now).update();
        record Row(int failures, int strikes, OffsetDateTime lastFailureAt) {
        }
        Row row = jdbc.sql("""
                select failures, strikes, last_failure_at from minqing.login_throttle
                 where address = ? and username = ? for update
                """).params(address, username).query(Row.class).single();
        int failures = row.lastFailureAt().isBefore(now.minus(failureWindow)) ? 1 : row.failures() + 1;
        int strikes = row.lastFailureAt().isBefore(now.minus(forgetAfter)) ? 0 : row.strikes();
        OffsetDateTime blockedUntil = null;
        if (failures >= limit) {
            blockedUntil = now.plus(delay(strikes));
            strikes++;
            failures = 0;
        }
        jdbc.sql("""
                update minqing.login_throttle set failures = ?, strikes = ?, last_failure_at = ?,
                       blocked_until = coalesce(?, blocked_until)
                 where address = ? and username = ?
                """).params(failures, strikes, now, blockedUntil, address, username).update();
        return blockedUntil != null;
    }

    /** 1, 2, 4 … times the first delay, never more than the cap. */
    Duration delay(int strikes) {
        Duration d = firstDelay.multipliedBy(1L << Math.min(strikes, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Failures count against the account, whether its user name or its mobile number was typed. */
    private String key(String username) {
        String u = username == null ? "" : accounts.signInName(username);
        return u.length() <= 64 ? u : u.substring(0, 64);
    }
}
