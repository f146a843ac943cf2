package cn.minqing.visits;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of 民情走访 per township or village for a period, from PostgreSQL: households, households covered by
 * a visit, visits and visits on schedule (no later than the household's interval after its previous visit, or
 * after it was recorded, in its tag's unit: SQL {@code household_schedule}, the same as 走访提醒), needs found on visits against cases reported by villagers, and visit cases solved.
 */
@Component
class VisitFigures {

    /**
     * One group's figures; the rates are null where their denominator is zero. Per grid or party member
     * {@code casesFromVillagers} and {@code visitShareOfNeeds} are null: a villager's own report belongs to a village,
     * not to the grid member or party member who serves a household.
     */
    record Row(String code, String name, long households, long householdsCovered, long visits, long visitsOnSchedule,
               long needsFromVisits, Long casesFromVillagers, long visitCasesSolved, Double coverage,
               Double onSchedule, Double visitShareOfNeeds, Double visitCasesSolvedRate) {

        static Row of(String code, String name, long households, long covered, long visits, long onTime,
                      CaseCounts cases) {
            return new Row(code, name, households, covered, visits, onTime, cases.fromVisits(), cases.fromVillagers(),
                    cases.visitSolved(), rate(covered, households), rate(onTime, visits),
                    rate(cases.fromVisits(), cases.fromVisits() + cases.fromVillagers()),
                    rate(cases.visitSolved(), cases.fromVisits()));
        }

        static Row ofServed(String code, String name, long households, long covered, long visits, long onTime,
                            long fromVisits, long solved) {
            return new Row(code, name, households, covered, visits, onTime, fromVisits, null, solved,
                    rate(covered, households), rate(onTime, visits), null, rate(solved, fromVisits));
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
        }
    }

    /**
     * How the figures are grouped: by the household's township or village, its grid, its party member (联户党员), or
     * the party branch (党支部) that party member belongs to.
     */
    enum Grouping {
        TOWNSHIP("township"), VILLAGE("village"), GRID("grid"), PARTY_MEMBER("partyMember"), BRANCH("branch");

        final String param;

        Grouping(String param) {
            this.param = param;
        }

        static java.util.Optional<Grouping> of(String param) {
            return java.util.Arrays.stream(values()).filter(g -> g.param.equals(param)).findFirst();
        }

        boolean byRegion() {
            return this == TOWNSHIP || this == VILLAGE;
        }
    }

    /** What the index can check: cases from visits, from villagers, and visit cases solved. */
    record CaseCounts(long fromVisits, long fromVillagers, long visitSolved) {
        static final CaseCounts NONE = new CaseCounts(0, 0, 0);
    }

    private final JdbcClient jdbc;

    VisitFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the villages asked for, grouped as asked. */
    List<Row> compute(List<String> villages, Grouping grouping, OffsetDateTime from, OffsetDateTime to) {
        return grouping.byRegion() ? compute(villages, grouping == Grouping.TOWNSHIP, from, to)
                : computeByServer(villages, grouping, from, to);
    }

    /**
     * Per grid (the household's grid, or its grid member's when it has none), per party member, or per party branch
     * (the branch its party member belongs to: households with no party member, or one outside any branch, are left
     * out): the households each serves, their visits, and the cases found on those visits.
     */
    private List<Row> computeByServer(List<String> villages, Grouping grouping, OffsetDateTime from, OffsetDateTime to) {
        String key = switch (grouping) {
            case GRID -> "coalesce(h.grid_code, h.grid_member)";
            case BRANCH -> "pb.code";
            default -> "h.party_member";
        };
        String name = switch (grouping) {
            case GRID -> "coalesce(g.name, gm.display_name || '（网格员）')";
            case BRANCH -> "pb.name";
            default -> "pm.display_name";
        };
        return jdbc.sql("""
                with hh as (
                  select h.id, h.active, h.created_at, %s as code, %s as name
                    from minqing.household h
                    left join minqing.region g on g.code = h.grid_code
                    left join minqing.app_user gm on gm.username = h.grid_member
                    left join minqing.app_user pm on pm.username = h.party_member
                    left join minqing.organisation pb on pb.code = pm.organisation_code and pb.kind = 'party-branch'
                   where h.village_code = any(?::varchar[])
                ), v0 as (
                  select v.household_id, v.visited_at,
                         coalesce(lag(v.visited_at) over (partition by v.household_id order by v.visited_at),
                                  hh.created_at) as since
                    from minqing.visit v join hh on hh.id = v.household_id
                ), v as (
                  select v0.household_id, v0.visited_at,
                         v0.visited_at <= (select s.due from minqing.household_schedule(v0.household_id, v0.since) s) as on_time
                    from v0 where v0.visited_at >= ? and v0.visited_at < ?
                ), vp as (
                  select * from v
                ), cs as (
                  select hh.code, count(*) as from_visits, count(*) filter (where c.status = 'solved') as solved
                    from minqing.case_record c join minqing.visit v on v.id = c.visit_id join hh on hh.id = v.household_id
                   where c.channel = 'visit' and c.created_at >= ? and c.created_at < ?
                   group by hh.code
                )
                select hh.code, min(hh.name) as name,
                       count(*) filter (where hh.active) as households,
                       count(*) filter (where hh.active and exists (select 1 from vp where vp.household_id = hh.id)) as covered,
                       (select count(*) from vp join hh h2 on h2.id = vp.household_id where h2.code = hh.code) as visits,
                       (select count(*) from vp join hh h2 on h2.id = vp.household_id
                         where h2.code = hh.code and vp.on_time) as on_time,
                       coalesce(min(cs.from_visits), 0) as from_visits, coalesce(min(cs.solved), 0) as solved
                  from hh left join cs on cs.code = hh.code
                 where hh.code is not null
                 group by hh.code order by 1
                """.formatted(key, name))
                .params("{" + String.join(",", villages) + "}", from, to, from, to)
                .query((rs, n) -> Row.ofServed(rs.getString("code"), rs.getString("name"), rs.getLong("households"),
                        rs.getLong("covered"), rs.getLong("visits"), rs.getLong("on_time"), rs.getLong("from_visits"),
                        rs.getLong("solved")))
                .list();
    }

    /** {@code villages}: the villages of the region asked for; {@code byTownship} groups them by their township. */
    List<Row> compute(List<String> villages, boolean byTownship, OffsetDateTime from, OffsetDateTime to) {
        String group = byTownship ? "r.parent_code" : "r.code";
        String array = "{" + String.join(",", villages) + "}";
        Map<String, CaseCounts> cases = caseCounts(villages, byTownship, from, to);
        return jdbc.sql("""
                with v0 as (
                  select v.household_id, v.visited_at,
                         coalesce(lag(v.visited_at) over (partition by v.household_id order by v.visited_at),
                                  h.created_at) as since
                    from minqing.visit v join minqing.household h on h.id = v.household_id
                   where h.village_code = any(?::varchar[])
                ), v as (
                  select v0.household_id, v0.visited_at,
                         v0.visited_at <= (select s.due from minqing.household_schedule(v0.household_id, v0.since) s) as on_time
                    from v0 where v0.visited_at >= ? and v0.visited_at < ?
                )
                select %s as code, g.name, count(distinct h.id) filter (where h.active) as households,
                       count(distinct h.id) filter (where h.active and exists (select 1 from v where v.household_id = h.id
                           and v.visited_at >= ? and v.visited_at < ?)) as covered,
                       (select count(*) from v join minqing.household h2 on h2.id = v.household_id
                          join minqing.region r2 on r2.code = h2.village_code
                         where %s = %s and v.visited_at >= ? and v.visited_at < ?) as visits,
                       (select count(*) from v join minqing.household h2 on h2.id = v.household_id
                          join minqing.region r2 on r2.code = h2.village_code
                         where %s = %s and v.on_time and v.visited_at >= ? and v.visited_at < ?) as on_time
                  from minqing.household h
                  join minqing.region r on r.code = h.village_code
                  join minqing.region g on g.code = %s
                 where h.village_code = any(?::varchar[])
                 group by %s, g.name order by 1
                """.formatted(group,
                        byTownship ? "r2.parent_code" : "r2.code", group, byTownship ? "r2.parent_code" : "r2.code", group,
                        group, group))
                .params(array, from, to, from, to, from, to, from, to, array)
                .query((rs, n) -> Row.of(rs.getString("code"), rs.getString("name"), rs.getLong("households"),
                        rs.getLong("covered"), rs.getLong("visits"), rs.getLong("on_time"),
                        cases.getOrDefault(rs.getString("code"), CaseCounts.NONE)))
                .list();
    }

    /** Cases by channel per group, from PostgreSQL (what the index must agree with). */
    Map<String, CaseCounts> caseCounts(List<String> villages, boolean byTownship, OffsetDateTime from, OffsetDateTime to) {
        Map<String, CaseCounts> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select %s as code,
                       count(*) filter (where c.channel = 'visit') as from_visits,
                       count(*) filter (where c.channel <> 'visit') as from_villagers,
                       count(*) filter (where c.channel = 'visit' and c.status = 'solved') as visit_solved
                  from minqing.case_record c join minqing.region r on r.code = c.village_code
                 where c.village_code = any(?::varchar[]) and c.created_at >= ? and c.created_at < ?
                 group by 1
                """.formatted(byTownship ? "r.parent_code" : "r.code"))
                .params("{" + String.join(",", villages) + "}", from, to)
                .query((rs, n) -> counts.put(rs.getString("code"), new CaseCounts(rs.getLong("from_visits"),
                        rs.getLong("from_villagers"), rs.getLong("visit_solved"))))
                .list();
        return counts;
    }
}
