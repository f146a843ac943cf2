package cn.minqing.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts of villagers, cadres, leaders and admins. */
@Repository
public class UserAccounts {

    private static final String SELECT = """
            select u.username, u.password_hash, u.display_name, u.roles, u.village_code, u.organisation_code,
                   u.enabled, u.locked_until, o.kind as org_kind, o.region_code as org_region, o.categories as org_categories
              from minqing.app_user u left join minqing.organisation o on o.code = u.organisation_code
            """;

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(String username, String passwordHash, boolean enabled, boolean locked, CurrentUser user) {
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(this::map).optional();
    }

    public void create(String username, String passwordHash, String displayName, Set<Role> roles,
                       String villageCode, String organisationCode) {
        jdbc.sql("""
                insert into minqing.app_user (username, password_hash, display_name, roles, village_code, organisation_code)
                values (?, ?, ?, ?::varchar[], ?, ?)
                """).params(username, passwordHash, displayName,
                        "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}",
                        villageCode, organisationCode).update();
    }

    public void setPhone(String username, String phone) {
        jdbc.sql("update minqing.app_user set phone = ? where username = ?").params(phone, username).update();
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for a while. Returns true if now locked. */
    public boolean failedLogin(String username, int maxFailures, int lockMinutes) {
        return jdbc.sql("""
                update minqing.app_user set failed_logins = failed_logins + 1,
                       locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
                 where username = ? returning locked_until is not null and locked_until > now()
                """).params(maxFailures, lockMinutes, username).query(Boolean.class).optional().orElse(false);
    }

    public void succeededLogin(String username) {
        jdbc.sql("update minqing.app_user set failed_logins = 0, locked_until = null where username = ? and failed_logins > 0")
                .param(username).update();
    }

    /** People for the admin's list, optionally those of one organisation or village. */
    public List<Account> list(String filter, int limit) {
        String like = filter == null || filter.isBlank() ? "%" : "%" + filter.strip() + "%";
        return jdbc.sql(SELECT + " where u.username like ? or u.display_name like ? or coalesce(u.organisation_code, '') like ?"
                + " or coalesce(u.village_code, '') like ? order by u.username limit ?")
                .params(like, like, like, like, limit).query(this::map).list();
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update minqing.app_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from minqing.app_user where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object r : (Object[]) array.getArray()) {
            roles.add(Role.valueOf(r.toString()));
        }
        String village = rs.getString("village_code");
        String orgKind = rs.getString("org_kind");
        String scope = scopeOf(roles, village, rs.getString("org_region"));
        CurrentUser user = new CurrentUser(rs.getString("username"), rs.getString("display_name"), roles,
                village, rs.getString("organisation_code"), orgKind, scope, responsibilities(orgKind, rs.getArray("org_categories")));
        java.time.OffsetDateTime lockedUntil = rs.getObject("locked_until", java.time.OffsetDateTime.class);
        boolean locked = lockedUntil != null && lockedUntil.isAfter(java.time.OffsetDateTime.now());
        return new Account(user.username(), rs.getString("password_hash"), rs.getBoolean("enabled"), locked, user);
    }

    /** Only a county bureau is limited to its categories; village and township organisations see their region. */
    private static java.util.List<String> responsibilities(String orgKind, Array categories) throws SQLException {
        if (!"county-bureau".equals(orgKind) || categories == null) {
            return java.util.List.of();
        }
        return java.util.List.of((String[]) categories.getArray());
    }

    /** Cadres and leaders see the region of their organisation; a grid member without one, their village. */
    private static String scopeOf(Set<Role> roles, String village, String orgRegion) {
        if (roles.contains(Role.ADMIN)) {
            return "";
        }
        if (roles.contains(Role.CADRE) || roles.contains(Role.LEADER)) {
            return orgRegion != null ? orgRegion : village;
        }
        return null;
    }
}
