package cn.minqing.county;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations of the element library; routing refers to them by code. */
@Repository
public class Organisations {

    private static final String SELECT = "select code, name, kind, region_code, categories from minqing.organisation";
    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organisation> find(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(this::map).optional();
    }

    /** The organisation of a kind responsible for a region, e.g. the township office of QS01. */
    public Optional<Organisation> ofKindIn(String kind, String regionCode) {
        return jdbc.sql(SELECT + " where kind = ? and region_code = ? and active order by code limit 1")
                .params(kind, regionCode).query(this::map).optional();
    }

    public List<Organisation> all() {
        return jdbc.sql(SELECT + " order by code").query(this::map).list();
    }

    public void save(Organisation o) {
        jdbc.sql("""
                insert into minqing.organisation (code, name, kind, region_code, categories)
                values (?, ?, ?, ?, ?::varchar[])
                on conflict (code) do update set name = excluded.name, kind = excluded.kind,
                  region_code = excluded.region_code, categories = excluded.categories
                """).params(o.code(), o.name(), o.kind(), o.regionCode(),
                        "{" + String.join(",", o.categories()) + "}").update();
    }

    /** The number villagers may call about their case, if the organisation has one. */
    public Optional<String> phoneOf(String code) {
        return jdbc.sql("select phone from minqing.organisation where code = ? and phone is not null").param(code)
                .query(String.class).optional();
    }

    /** Every organisation's phone, by code (those without one are left out). */
    public java.util.Map<String, String> phones() {
        java.util.Map<String, String> phones = new java.util.HashMap<>();
        jdbc.sql("select code, phone from minqing.organisation where phone is not null")
                .query((rs, i) -> phones.put(rs.getString("code"), rs.getString("phone"))).list();
        return phones;
    }

    public void setPhone(String code, String phone) {
        jdbc.sql("update minqing.organisation set phone = ? where code = ?").params(phone, code).update();
    }

    public List<String> inactiveCodes() {
        return jdbc.sql("select code from minqing.organisation where not active").query(String.class).list();
    }

    public void setActive(String code, boolean active) {
        jdbc.sql("update minqing.organisation set active = ? where code = ?").params(active, code).update();
    }

    private Organisation map(ResultSet rs, int row) throws SQLException {
        String[] cats = (String[]) rs.getArray("categories").getArray();
        return new Organisation(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getString("region_code"), Arrays.asList(cats));
    }
}
