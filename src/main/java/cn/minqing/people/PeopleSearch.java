package cn.minqing.people;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The admin finds a person by name, phone, user name, organisation or village (by name or code). */
@Repository
public class PeopleSearch {

    /** One person as the admin's list shows them; {@code blockedUntil} is the latest sign-in refusal still running. */
    public record Person(String username, String displayName, String phone, List<String> roles, String organisationCode,
                         String organisationName, String villageCode, String villageName, boolean enabled,
                         boolean mustChangePassword, OffsetDateTime blockedUntil) {
    }

    private static final String SELECT = """
            select u.username, u.display_name, u.phone, u.roles, u.organisation_code, o.name as organisation_name,
                   u.village_code, v.name as village_name, u.enabled, u.must_change_password,
                   (select max(t.blocked_until) from minqing.login_throttle t
                     where t.username = u.username and t.blocked_until > now()) as blocked_until
              from minqing.app_user u
              left join minqing.organisation o on o.code = u.organisation_code
              left join minqing.region v on v.code = u.village_code
            """;

    private final JdbcClient jdbc;

    PeopleSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Person> find(String query, int limit) {
        String like = query == null || query.isBlank() ? "%" : "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + """
                 where u.username like :q or u.display_name like :q or coalesce(u.phone, '') like :q
                    or coalesce(u.organisation_code, '') like :q or coalesce(o.name, '') like :q
                    or coalesce(u.village_code, '') like :q or coalesce(v.name, '') like :q
                 order by u.username limit :limit
                """).param("q", like).param("limit", limit).query(this::map).list();
    }

    public java.util.Optional<Person> one(String username) {
        return jdbc.sql(SELECT + " where u.username = :u").param("u", username).query(this::map).optional();
    }

    private Person map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Person(rs.getString("username"), rs.getString("display_name"), rs.getString("phone"),
                List.of((String[]) rs.getArray("roles").getArray()), rs.getString("organisation_code"),
                rs.getString("organisation_name"), rs.getString("village_code"), rs.getString("village_name"),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getObject("blocked_until", OffsetDateTime.class));
    }
}
