package cn.minqing.platform.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every change of a case, account or rule: who, when, what, from where. Written in the change's transaction;
 * the address is resolved by {@link ClientAddresses} and always fits its column, so auditing never fails a write.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final ClientAddresses addresses;

    AuditLog(JdbcClient jdbc, ClientAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbc.sql("insert into minqing.audit_log (actor, action, target, detail, address) values (?, ?, ?, ?, ?)")
                .params(cut(actor, 64), cut(action, 40), cut(target, 80), detail, ClientAddresses.fit(addresses.current()))
                .update();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
