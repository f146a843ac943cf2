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
                   u.enabled, u.locked_until, u.security_stamp, u.must_change_password, o.kind as org_kind, o.region_code as org_region, o.categories as org_categories
              from minqing.app_user u left join minqing.organisation o on o.code = u.organisation_code
            """;

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(String username, String passwordHash, boolean enabled, boolean locked, long securityStamp,
                          boolean mustChangePassword, CurrentUser user) {
    }

    /** What every request checks against its session: the stamp, whether the account is on, and must change its password. */
    public record State(long securityStamp, boolean enabled, boolean mustChangePassword) {
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(this::map).optional();
    }

    /**
     * The user name a sign-in name stands for: the name itself when an account has it, else the account whose
     * mobile number it is (a villager signs in with the 手机号 they registered, whatever their user name is).
     */
    public String signInName(String given) {
        if (given == null || given.isBlank() || exists(given)) {
            return given;
        }
        return jdbc.sql("select username from minqing.app_user where phone = ?").param(given.strip())
                .query(String.class).optional().orElse(given);
    }

    public void create(String username, String passwordHash, String displayName, Set<Role> roles,
                       String villageCode, String organisationCode) {
        jdbc.sql("""
                insert into minqing.app_user (username, password_hash, display_name, roles, village_code, organisation_code)
                values (?, ?, ?, ?::varchar[], ?, ?)
                """).params(username, passwordHash, displayName,
                        rolesArray(roles),
                        villageCode, organisationCode).update();
    }

    public void setPhone(String username, String phone) {
        jdbc.sql("update minqing.app_user set phone = ? where username = ?").params(phone, username).update();
    }

    public Optional<String> phoneOf(String username) {
        return jdbc.sql("select phone from minqing.app_user where username = ? and phone is not null").param(username)
                .query(String.class).optional();
    }

    public Optional<State> state(String username) {
        return jdbc.sql("select security_stamp, enabled, must_change_password from minqing.app_user where username = ?")
                .param(username).query(State.class).optional();
    }

    /** A new password; {@code mustChange} marks one set by someone else (代办开户), to be changed at first sign-in. */
    public void setPassword(String username, String passwordHash, boolean mustChange) {
        jdbc.sql("update minqing.app_user set password_hash = ?, must_change_password = ? where username = ?")
                .params(passwordHash, mustChange, username).update();
    }

    public void requirePasswordChange(String username) {
        jdbc.sql("update minqing.app_user set must_change_password = true where username = ?").param(username).update();
    }

    /** An admin's change of what someone may do; every change raises the account's stamp (ending sessions and tokens). */
    public void setAccess(String username, Set<Role> roles, String villageCode, String organisationCode) {
        jdbc.sql("""
                update minqing.app_user set roles = ?::varchar[], village_code = ?, organisation_code = ? where username = ?
                """).params(rolesArray(roles), villageCode, organisationCode, username).update();
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

    private static String rolesArray(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}";
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
        return new Account(user.username(), rs.getString("password_hash"), rs.getBoolean("enabled"), locked,
                rs.getLong("security_stamp"), rs.getBoolean("must_change_password"), user);
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
        if (roles.contains(Role.PARTY_MEMBER)) {
            return village; // 联户党员: their village, for filing what they find; households only their own
        }
        return null;
    }
}
