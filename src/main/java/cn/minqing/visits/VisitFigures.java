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
 * after it was recorded), needs found on visits against cases reported by villagers, and visit cases solved.
 */
@Component
class VisitFigures {

    /** One group's figures; the rates are null where their denominator is zero. */
    record Row(String code, String name, long households, long householdsCovered, long visits, long visitsOnSchedule,
               long needsFromVisits, long casesFromVillagers, long visitCasesSolved, Double coverage,
               Double onSchedule, Double visitShareOfNeeds, Double visitCasesSolvedRate) {

        static Row of(String code, String name, long households, long covered, long visits, long onTime,
                      CaseCounts cases) {
            return new Row(code, name, households, covered, visits, onTime, cases.fromVisits(), cases.fromVillagers(),
                    cases.visitSolved(), rate(covered, households), rate(onTime, visits),
                    rate(cases.fromVisits(), cases.fromVisits() + cases.fromVillagers()),
                    rate(cases.visitSolved(), cases.fromVisits()));
        }

        private static Double rate(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
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

    /** {@code villages}: the villages of the region asked for; {@code byTownship} groups them by their township. */
    List<Row> compute(List<String> villages, boolean byTownship, OffsetDateTime from, OffsetDateTime to) {
        String group = byTownship ? "r.parent_code" : "r.code";
        String array = "{" + String.join(",", villages) + "}";
        Map<String, CaseCounts> cases = caseCounts(villages, byTownship, from, to);
        return jdbc.sql("""
                with v as (
                  select v.household_id, v.visited_at,
                         v.visited_at <= coalesce(lag(v.visited_at) over (partition by v.household_id order by v.visited_at),
                                                  h.created_at) + make_interval(days => coalesce(
                             (select min(t.visit_interval_days) from minqing.household_tagging ht
                                join minqing.household_tag t on t.code = ht.tag_code where ht.household_id = h.id), %d)) as on_time
                    from minqing.visit v join minqing.household h on h.id = v.household_id
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
                """.formatted(cn.minqing.households.Household.DEFAULT_INTERVAL_DAYS, group,
                        byTownship ? "r2.parent_code" : "r2.code", group, byTownship ? "r2.parent_code" : "r2.code", group,
                        group, group))
                .params(from, to, from, to, from, to, array)
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
