package cn.minqing.people;

import cn.minqing.platform.audit.AuditLog;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without the demo county, the first start creates the administrator {@code admin}: with the password
 * of {@code minqing.admin.password} (env MINQING_ADMIN_PASSWORD), or with a generated one that is logged
 * once, at WARN. Later starts find an administrator and do nothing. A weak password stops the start.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "minqing.demo.enabled", havingValue = "false", matchIfMissing = true)
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final long LOCK = 0x6d71_6164_6d69_6eL; // "mqadmin": one instance creates it, the others wait

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final String configured;

    FirstAdmin(UserAccounts accounts, PasswordEncoder encoder, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit,
               @Value("${minqing.admin.password:}") String configured) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.configured = configured;
        if (!configured.isEmpty()) {
            AdminPasswordRule.weakness(configured).ifPresent(why -> {
                throw new WeakAdminPasswordException(why);
            });
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = configured.isEmpty() ? generate() : configured;
        Boolean created = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
            boolean anyAdmin = jdbc.sql("select exists (select 1 from minqing.app_user where 'ADMIN' = any(roles))")
                    .query(Boolean.class).single();
            if (anyAdmin) {
                return false;
            }
            accounts.create(USERNAME, encoder.encode(password), "系统管理员", Set.of(Role.ADMIN), null, null);
            audit.record("system", "account.create", USERNAME, "first administrator, password "
                    + (configured.isEmpty() ? "generated" : "from minqing.admin.password"));
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            announce(password);
        } else {
            warnIfDemoPasswordRemains();
        }
    }

    /** A database first started with the demo keeps its accounts and their password when the demo is turned off. */
    private void warnIfDemoPasswordRemains() {
        accounts.find(USERNAME).filter(a -> encoder.matches("minqing", a.passwordHash())).ifPresent(a ->
                log.warn("The account '{}' still has the demo password 'minqing' (this database was started with "
                        + "the demo county). Change it, or start on a new database without the demo.", USERNAME));
    }

    private void announce(String password) {
        if (!configured.isEmpty()) {
            log.warn("Created the administrator account '{}' with the password of MINQING_ADMIN_PASSWORD "
                    + "(minqing.admin.password).", USERNAME);
            return;
        }
        log.warn("""

                ================================================================================
                  管理员账号已创建 / Created the administrator account '{}'
                  Generated password (shown this once only, never again):

                      {}

                  Sign in at /login and keep it somewhere safe. To choose the password yourself,
                  set MINQING_ADMIN_PASSWORD before the first start.
                ================================================================================
                """, USERNAME, password);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Stops the start: an administrator with a guessable password is worse than none. */
    static final class WeakAdminPasswordException extends IllegalStateException {
        WeakAdminPasswordException(String why) {
            super("MINQING_ADMIN_PASSWORD (minqing.admin.password) is refused: " + why + ". Choose at least "
                    + AdminPasswordRule.MIN_LENGTH + " characters that are not a well-known password, "
                    + "or leave it unset to have one generated and printed once. / 管理员初始密码太弱，已拒绝启动。");
        }
    }
}
