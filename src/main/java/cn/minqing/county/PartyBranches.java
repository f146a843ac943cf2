package cn.minqing.county;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 党支部 in the element library: organisations of kind {@code party-branch} with their secretary; the party members
 * (role PARTY_MEMBER) whose organisation is the branch. Scope: an admin sees every branch, a cadre or leader those of
 * their region, a party member or villager those of their own village — nobody a branch outside their region.
 */
@Repository
public class PartyBranches {

    private static final String SELECT = """
            select o.code, o.name, o.region_code, r.name as region_name, o.secretary, s.display_name as secretary_name,
                   array(select u.username from minqing.app_user u where u.organisation_code = o.code
                          and 'PARTY_MEMBER' = any(u.roles) and u.enabled order by u.username) as members
              from minqing.organisation o join minqing.region r on r.code = o.region_code
              left join minqing.app_user s on s.username = o.secretary
             where o.kind = 'party-branch' and o.active""";

    private final JdbcClient jdbc;
    private final Regions regions;

    PartyBranches(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    public List<PartyBranch> all() {
        return jdbc.sql(SELECT + " order by o.code").query(PartyBranches::map).list();
    }

    public Optional<PartyBranch> find(String code) {
        return jdbc.sql(SELECT + " and o.code = ?").param(code).query(PartyBranches::map).optional();
    }

    /** The branches the person may see; to villagers and party members without the members' and secretary's user names. */
    public List<PartyBranch> visibleTo(CurrentUser user) {
        boolean staff = user.is(Role.ADMIN) || user.is(Role.CADRE) || user.is(Role.LEADER);
        return all().stream().filter(b -> mayView(b, user)).map(b -> staff ? b : new PartyBranch(b.code(), b.name(),
                b.regionCode(), b.regionName(), null, b.secretaryName(), List.of())).toList();
    }

    public boolean mayView(PartyBranch b, CurrentUser user) {
        if (user.is(Role.ADMIN)) {
            return true;
        }
        List<String> path = regions.pathOf(b.regionCode());
        if (user.is(Role.CADRE) || user.is(Role.LEADER)) {
            return user.covers(path);
        }
        return user.villageCode() != null && regions.pathOf(user.villageCode()).contains(b.regionCode());
    }

    public void setSecretary(String code, String username) {
        jdbc.sql("update minqing.organisation set secretary = ? where code = ?").params(username, code).update();
    }

    /** A party member joins the branch (their organisation becomes the branch). */
    public void addMember(String code, String username) {
        jdbc.sql("update minqing.app_user set organisation_code = ? where username = ?").params(code, username).update();
    }

    /** Whether the user exists, is enabled and is a party member (联户党员). */
    public boolean isPartyMember(String username) {
        return jdbc.sql("select count(*) from minqing.app_user where username = ? and enabled and 'PARTY_MEMBER' = any(roles)")
                .param(username).query(Long.class).single() > 0;
    }

    private static PartyBranch map(ResultSet rs, int row) throws SQLException {
        return new PartyBranch(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
                rs.getString("region_name"), rs.getString("secretary"), rs.getString("secretary_name"),
                Arrays.asList((String[]) rs.getArray("members").getArray()));
    }
}
