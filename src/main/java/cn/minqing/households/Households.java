package cn.minqing.households;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The household store (户档案): households, their tags and who serves them. */
@Repository
public class Households {

    static final String SELECT = """
            select h.id, h.code, h.village_code, r.name as village_name, h.grid_code, h.address, h.head_name,
                   h.head_account, h.members, h.phone, h.lat, h.lon, h.grid_member, gm.display_name as grid_member_name,
                   h.party_member, pm.display_name as party_member_name, h.active, h.created_at,
                   array(select t.name from minqing.household_tagging ht join minqing.household_tag t on t.code = ht.tag_code
                          where ht.household_id = h.id order by t.sort) as tags,
                   s.interval_days, s.interval_unit, s.due as next_visit_due, lv.last_visit_at
              from minqing.household h
              join minqing.region r on r.code = h.village_code
              left join minqing.app_user gm on gm.username = h.grid_member
              left join minqing.app_user pm on pm.username = h.party_member
              cross join lateral (select max(v.visited_at) as last_visit_at from minqing.visit v
                                   where v.household_id = h.id) lv
              cross join lateral minqing.household_schedule(h.id, coalesce(lv.last_visit_at, h.created_at)) s
            """;

    private final JdbcClient jdbc;

    Households(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an import or the demo stores for a new household. */
    public record NewHousehold(String code, String villageCode, String gridCode, String address, String headName,
                               String headAccount, int members, String phone, Double lat, Double lon,
                               String gridMember, String partyMember, List<String> tagCodes) {
    }

    public long insert(NewHousehold h) {
        long id = jdbc.sql("""
                insert into minqing.household (code, village_code, grid_code, address, head_name, head_account, members,
                    phone, lat, lon, grid_member, party_member)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(h.code(), h.villageCode(), h.gridCode(), h.address(), h.headName(), h.headAccount(),
                        h.members(), h.phone(), h.lat(), h.lon(), h.gridMember(), h.partyMember())
                .query(Long.class).single();
        for (String tag : h.tagCodes()) {
            jdbc.sql("insert into minqing.household_tagging (household_id, tag_code) values (?, ?) on conflict do nothing")
                    .params(id, tag).update();
        }
        return id;
    }

    public Optional<Household> find(long id) {
        return jdbc.sql(SELECT + " where h.id = ?").param(id).query(Households::map).optional();
    }

    public boolean codeExists(String code) {
        return jdbc.sql("select count(*) from minqing.household where code = ?").param(code).query(Integer.class).single() > 0;
    }

    /** Households matching a filter, a SQL condition on {@code h} with its parameters, by village and address. */
    List<Household> where(String condition, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql(SELECT + " where " + condition + " order by h.village_code, h.address, h.id limit ?")
                .params(all).query(Households::map).list();
    }

    void assign(long id, String gridMember, String partyMember) {
        jdbc.sql("update minqing.household set grid_member = ?, party_member = ? where id = ?")
                .params(gridMember, partyMember, id).update();
    }

    /** 移交: every active household one person serves goes to another; returns how many moved. */
    int reassign(String column, String from, String to) {
        return jdbc.sql("update minqing.household set " + column + " = ? where " + column + " = ? and active")
                .params(to, from).update();
    }

    void setActive(long id, boolean active) {
        jdbc.sql("update minqing.household set active = ? where id = ?").params(active, id).update();
    }

    /** A household by its id (digits) or its code (户编号). */
    Optional<Household> findByIdOrCode(String idOrCode) {
        Optional<Household> byCode = jdbc.sql(SELECT + " where h.code = ?").param(idOrCode).query(Households::map).optional();
        return byCode.isPresent() || !idOrCode.matches("\\d{1,18}") ? byCode : find(Long.parseLong(idOrCode));
    }

    void update(long id, String villageCode, String gridCode, String address, String headName, String headAccount,
                int members, String phone, Double lat, Double lon, List<String> tagCodes) {
        jdbc.sql("""
                update minqing.household set village_code = ?, grid_code = ?, address = ?, head_name = ?, head_account = ?,
                    members = ?, phone = ?, lat = ?, lon = ? where id = ?
                """).params(villageCode, gridCode, address, headName, headAccount, members, phone, lat, lon, id).update();
        jdbc.sql("delete from minqing.household_tagging where household_id = ?").param(id).update();
        for (String tag : tagCodes) {
            jdbc.sql("insert into minqing.household_tagging (household_id, tag_code) values (?, ?)").params(id, tag).update();
        }
    }

    /** The code of the household a merged duplicate went into. */
    Optional<String> mergedInto(long id) {
        return jdbc.sql("""
                select s.code from minqing.household d join minqing.household s on s.id = d.merged_into where d.id = ?
                """).param(id).query(String.class).optional();
    }

    /** The cases found on a household's visits. */
    int casesOfVisits(long id) {
        return jdbc.sql("""
                select count(*) from minqing.case_record c join minqing.visit v on v.id = c.visit_id where v.household_id = ?
                """).param(id).query(Integer.class).single();
    }

    /**
     * 合并: the duplicate's visits (and so the cases found on them), its tags and what the surviving household lacks
     * go to the surviving one; the duplicate is deactivated and points at it. Returns how many visits moved.
     */
    int merge(long surviving, long duplicate) {
        int moved = jdbc.sql("update minqing.visit set household_id = ? where household_id = ?")
                .params(surviving, duplicate).update();
        jdbc.sql("""
                insert into minqing.household_tagging (household_id, tag_code)
                select ?, tag_code from minqing.household_tagging where household_id = ? on conflict do nothing
                """).params(surviving, duplicate).update();
        jdbc.sql("""
                update minqing.household s set head_account = coalesce(s.head_account, d.head_account),
                       phone = coalesce(s.phone, d.phone), lat = coalesce(s.lat, d.lat), lon = coalesce(s.lon, d.lon),
                       party_member = coalesce(s.party_member, d.party_member)
                  from minqing.household d where s.id = ? and d.id = ?
                """).params(surviving, duplicate).update();
        jdbc.sql("update minqing.household set active = false, merged_into = ? where id = ?").params(surviving, duplicate).update();
        return moved;
    }

    static Household map(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        List<String> tagNames = tags == null ? List.of()
                : Arrays.stream((Object[]) tags.getArray()).map(String::valueOf).toList();
        return new Household(rs.getLong("id"), rs.getString("code"), rs.getString("village_code"),
                rs.getString("village_name"), rs.getString("grid_code"), rs.getString("address"),
                rs.getString("head_name"), rs.getString("head_account"), rs.getInt("members"), rs.getString("phone"),
                (Double) rs.getObject("lat"), (Double) rs.getObject("lon"), rs.getString("grid_member"),
                rs.getString("grid_member_name"), rs.getString("party_member"), rs.getString("party_member_name"),
                rs.getBoolean("active"), rs.getObject("created_at", OffsetDateTime.class), tagNames,
                rs.getInt("interval_days"), rs.getString("interval_unit"),
                rs.getObject("last_visit_at", OffsetDateTime.class), rs.getObject("next_visit_due", OffsetDateTime.class));
    }
}
