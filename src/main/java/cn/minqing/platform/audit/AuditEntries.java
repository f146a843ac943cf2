package cn.minqing.platform.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reading the audit log for admins: by person, action, target and period, newest first, a page at a time.
 * Whatever looks like a password or token in a detail is masked before it leaves here.
 */
@Repository
public class AuditEntries {

    /** One entry as shown. */
    public record Entry(long id, OffsetDateTime at, String actor, String actorName, String action, String target, String detail,
                        String address) {
    }

    /** Filter: any field may be empty; person and target match a part, action exactly; {@code from} and {@code to} are whole days in the county's time zone. */
    public record Filter(String actor, String action, String target, LocalDate from, LocalDate to) {
    }

    public record Page(long total, int page, int size, List<Entry> entries) {
    }

    public static final int MAX_SIZE = 200;
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|token|secret|密码|口令|令牌)\\s*[=:：]?\\s*)(?!generated\\b|from\\b)[^\\s,，;；]+");

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AuditEntries(JdbcClient jdbc, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    public Page find(Filter f, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        like(where, params, "actor", f.actor());
        if (f.action() != null && !f.action().isBlank()) {
            where.add("action = ?");
            params.add(f.action().strip());
        }
        like(where, params, "target", f.target());
        if (f.from() != null) {
            where.add("at >= ?");
            params.add(f.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.to() != null) {
            where.add("at < ?");
            params.add(f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from minqing.audit_log" + clause).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<Entry> entries = jdbc.sql("select a.id, a.at, a.actor, u.display_name as actor_name, a.action, a.target, a.detail,"
                        + " a.address from (select * from minqing.audit_log" + clause + " order by at desc, id desc limit ? offset ?) a"
                        + " left join minqing.app_user u on u.username = a.actor order by a.at desc, a.id desc")
                .params(paged).query(Entry.class).list().stream()
                .map(e -> new Entry(e.id(), e.at().atZoneSameInstant(zone).toOffsetDateTime(), e.actor(), e.actorName(), e.action(),
                        e.target(), masked(e.detail()), e.address()))
                .toList();
        return new Page(total, page, size, entries);
    }

    /** The actions written so far, for the filter's choice. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from minqing.audit_log order by action").query(String.class).list();
    }

    public static String masked(String detail) {
        return detail == null ? null : SECRET.matcher(detail).replaceAll("$1******");
    }

    private static void like(List<String> where, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.add(column + " like ?");
            params.add("%" + value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }
}
