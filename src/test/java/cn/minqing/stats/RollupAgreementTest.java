package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.GeneratedCases;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily rollups (每日汇总) give every indicator, the P90 included, exactly as the case-level formulas do: for
 * every grouping and filter, over generated cases in every shape the formulas count, before and after the deltas are
 * folded in, after cases change once rolled up (reopened, re-rated, extended, suspended, answered, moved, closed,
 * falling due earlier today), and after an admin's rebuild.
 */
class RollupAgreementTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    Indicators cases;
    @Autowired
    DailyIndicators daily;
    @Autowired
    CaseRollup rollup;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rollupsEqualTheCaseRowsThroughEveryChange() {
        GeneratedCases.insert(jdbc, "QS-ROLL", 3000, LocalDate.of(2023, 12, 31).atTime(22, 0).atZone(ZONE).toOffsetDateTime(),
                365, false);
        GeneratedCases.addHotlineShapes(jdbc, "QS-ROLL");
        GeneratedCases.insert(jdbc, "QS-ROLLNOW", 400, OffsetDateTime.now(), 3, false);
        agreeEverywhere("generated, deltas pending");
        rollup.compact();
        agreeEverywhere("generated, folded in");
        assertPastDeadlinesFolded("generated, folded in");

        // changes after the roll-up, as the process writes them
        change("""
                update minqing.case_record set status = 'investigating', closed_at = null, rating = null, reworks = reworks + 1
                 where number like 'QS-ROLL-%' and status = 'solved' and substring(number from '[0-9]+$')::int % 9 = 0""");  // 重办
        change("""
                update minqing.case_record set rating = case rating when 'satisfied' then 'dissatisfied' else 'satisfied' end
                 where number like 'QS-ROLL-%' and rating is not null and substring(number from '[0-9]+$')::int % 4 = 1""");
        change("""
                update minqing.case_record set resolve_due_original = coalesce(resolve_due_original, resolve_due),
                       resolve_due = resolve_due + interval '2 days', extensions = extensions + 1
                 where number like 'QS-ROLL%' and resolve_due is not null and substring(number from '[0-9]+$')::int % 11 = 3""");
        change("""
                update minqing.case_record set suspended_at = now(), resolve_due = resolve_due + interval '30 hours'
                 where number like 'QS-ROLL%' and closed_at is null and resolve_due is not null
                   and substring(number from '[0-9]+$')::int % 13 = 5""");
        change("""
                update minqing.case_record set status = 'answered', outcome_note = '已直接答复', closed_at = created_at + interval '2 hours'
                 where number like 'QS-ROLL%' and status = 'received' and substring(number from '[0-9]+$')::int % 3 = 1""");
        change("""
                update minqing.case_record set village_code = (select min(code) from minqing.region where level = 'village'),
                       category_code = (select max(code) from minqing.category), handling_org = null
                 where number like 'QS-ROLL-%' and substring(number from '[0-9]+$')::int % 97 = 0""");
        change("""
                update minqing.case_record set status = 'solved', closed_at = created_at + interval '37 hours 12 minutes 5.5 seconds',
                       rating = 'basically'
                 where number like 'QS-ROLL%' and status = 'implementing' and substring(number from '[0-9]+$')::int % 7 = 2""");
        // open cases of the last days that fell due earlier today, and some due later today
        change("""
                update minqing.case_record set resolve_due = now() - interval '1 minute'
                 where number like 'QS-ROLLNOW-%' and closed_at is null and status not in ('rejected', 'merged')
                   and resolve_due is not null and substring(number from '[0-9]+$')::int % 4 = 0""");
        change("""
                update minqing.case_record set resolve_due = now() + interval '2 hours'
                 where number like 'QS-ROLLNOW-%' and closed_at is null and status not in ('rejected', 'merged')
                   and resolve_due is not null and substring(number from '[0-9]+$')::int % 4 = 1""");
        // and some that fell due yesterday (UTC noon, the same day in the county's zone): the fold keeps that day apart
        change("""
                update minqing.case_record
                   set resolve_due = (date_trunc('day', now() at time zone 'UTC') - interval '12 hours') at time zone 'UTC'
                 where number like 'QS-ROLLNOW-%' and closed_at is null and status not in ('rejected', 'merged')
                   and resolve_due is not null and substring(number from '[0-9]+$')::int % 4 = 2""");
        change("delete from minqing.case_record where number like 'QS-ROLL-%' and substring(number from '[0-9]+$')::int % 101 = 7");
        agreeEverywhere("changed, deltas pending");
        rollup.compact();
        agreeEverywhere("changed, folded in");
        assertPastDeadlinesFolded("changed, folded in");
        // folded one day late: a reader whose clock still says yesterday counts these from the case rows as due today
        assertThat(jdbc.sql("select count(*) from minqing.case_day_count where due_day = " + CaseRollup.FOLD_BEFORE)
                .query(Long.class).single()).as("yesterday's deadline rows after the fold").isPositive();

        // rollups counted before V580 keep each past deadline day in its own row: read as they are, then the day's
        // first fold merges them into the overdue rows (several days of one key into one row)
        jdbc.sql("delete from minqing.case_day_count").update();
        jdbc.sql("insert into minqing.case_day_count " + jdbc.sql("select minqing.case_day_select('minqing.case_record', 1, "
                + "quote_literal((select time_zone from minqing.case_rollup_zone)))").query(String.class).single()).update();
        jdbc.sql("delete from minqing.case_month_count").update();
        jdbc.sql("""
                insert into minqing.case_month_count
                select cube, date_trunc('month', day)::date, village_code, category_code, org, due_day, sum(received),
                       sum(dispatched), sum(signed_in_time), sum(closed), sum(closed_in_time), sum(closed_with_deadline),
                       sum(solved), sum(answered), sum(extended), sum(closed_in_original_time), sum(satisfied), sum(rated),
                       sum(no_response), sum(reworked), sum(returned), sum(supervisions), sum(reworks), sum(open_count),
                       sum(open_due), sum(closed_timed), sum(closed_seconds), sum(supporters), sum(deferred), sum(ever_deferred)
                  from minqing.case_day_count group by 1, 2, 3, 4, 5, 6""").update();
        jdbc.sql("update minqing.case_rollup_zone set overdue_folded = null").update();
        assertThat(pastDeadlineRows()).as("rows of past deadline days, as before V580").isGreaterThan(100);
        agreeEverywhere("past deadline days unfolded");
        rollup.compact();
        assertPastDeadlinesFolded("the day's first fold");
        agreeEverywhere("past deadline days folded once");

        // an update that changes nothing counted leaves no delta
        rollup.compact();
        jdbc.sql("update minqing.case_record set updated_at = now() where number like 'QS-ROLL-1%'").update();
        assertThat(jdbc.sql("select count(*) from minqing.case_day_delta").query(Long.class).single()).isZero();

        // an admin recounts them; a leader may not
        // (within the period read below: the other test's cases are from 2021)
        jdbc.sql("update minqing.case_day_count set received = received + 1 "
                + "where day = (select min(day) from minqing.case_day_count where day >= '2023-01-01')").update();
        // (a whole month is read from the monthly rollup, V540)
        jdbc.sql("update minqing.case_month_count set received = received + 1 "
                + "where day = (select min(day) from minqing.case_month_count where day >= '2023-01-01')").update();
        StatsQuery county = query("", null, null, "none");
        assertThat(daily.compute(county, LocalDate.of(2023, 1, 1), today(), true)).as("a wrong rollup is seen")
                .isNotEqualTo(cases.compute(county, LocalDate.of(2023, 1, 1).atStartOfDay(ZONE).toOffsetDateTime(),
                        today().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime()));
        var rebuilt = post("admin", "/api/admin/stats/rollup", null);
        assertThat(rebuilt.getStatusCode().value()).isEqualTo(200);
        assertThat(rebuilt.getBody().get("cases").asLong())
                .isEqualTo(jdbc.sql("select count(*) from minqing.case_record").query(Long.class).single());
        assertThat(post("leader1", "/api/admin/stats/rollup", null).getStatusCode().value()).isEqualTo(403);
        agreeEverywhere("rebuilt");

        // and the data exercised the formulas
        var all = daily.compute(query("QS", null, null, "none"), LocalDate.of(2023, 1, 1), today(), true).get("all");
        assertThat(all.receivedCount()).isGreaterThan(3000);
        assertThat(all.overdueCount()).isPositive();
        assertThat(all.p90ResolutionHours()).isPositive();
        assertThat(all.directAnswerRate()).isPositive();
        assertThat(all.onTimeOriginalRate()).isLessThan(all.onTimeRate());
    }

    /**
     * A P90 is read in statements after the counts (the hourly histogram, then the cases of its hour): while cases'
     * times to close keep moving from one hour to another, every group with closed cases still has its P90, as all
     * are read in one snapshot (with a snapshot per statement, the hour named by the histogram could be empty by the
     * time its cases were read, and the group's P90 missing).
     */
    @Test
    void aP90IsReadInTheSameSnapshotAsItsHistogram() throws Exception {
        GeneratedCases.insert(jdbc, "QS-SNAP", 600, LocalDate.of(2021, 6, 30).atTime(12, 0).atZone(ZONE).toOffsetDateTime(),
                60, false);
        jdbc.sql("update minqing.case_record set closed_at = created_at + interval '10 hours' "
                + "where number like 'QS-SNAP-%' and status in ('solved', 'unsolvable')").update();
        rollup.compact();
        java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger moves = new java.util.concurrent.atomic.AtomicInteger();
        Thread mover = new Thread(() -> {
            while (reading.get()) {
                // every closed case of the period took 10 hours, then 30, then 10 again: one commit moves them all
                jdbc.sql("""
                        update minqing.case_record
                           set closed_at = created_at + case when closed_at - created_at < interval '20 hours'
                                                             then interval '30 hours' else interval '10 hours' end
                         where number like 'QS-SNAP-%' and status in ('solved', 'unsolvable')""").update();
                moves.incrementAndGet();
            }
        });
        mover.start();
        int reads = 0;
        try {
            // at least 5 s, 20 reads and 11 moves (a loaded machine moves slowly), at most two minutes
            long until = System.nanoTime() + 5_000_000_000L;
            long limit = System.nanoTime() + 120_000_000_000L;
            while ((System.nanoTime() < until || reads < 20 || moves.get() <= 10) && System.nanoTime() < limit) {
                for (String groupBy : List.of("township", "none")) {
                    Map<String, IndicatorValues> values = daily.compute(query("", null, null, groupBy),
                            LocalDate.of(2021, 5, 1), LocalDate.of(2021, 6, 30), true);
                    values.forEach((key, v) -> {
                        if (v.avgResolutionHours() != null) {
                            assertThat(v.p90ResolutionHours()).as("%s %s: P90 beside an average of %s hours", groupBy, key,
                                    v.avgResolutionHours()).isIn(10.0, 30.0);
                        }
                    });
                }
                reads++;
            }
        } finally {
            reading.set(false);
            mover.join();
        }
        System.out.printf("P90 read %d times while the cases' hours moved %d times%n", reads, moves.get());
        assertThat(moves.get()).as("the hours moved while they were read").isGreaterThan(10);
    }

    @Autowired
    CoHandlingFigures coHandling;

    /**
     * The organisations' joint handling (协办) is counted from the cases handled jointly only (V581's partial index):
     * every such case of the period still counts, and a case without co-organisations adds nothing.
     */
    @Test
    void coHandlingCountsEveryJointlyHandledCase() {
        GeneratedCases.insert(jdbc, "QS-CO", 3, LocalDate.of(2020, 3, 1).atTime(12, 0).atZone(ZONE).toOffsetDateTime(), 1, false);
        jdbc.sql("""
                update minqing.case_record set co_organisations = case number
                  when 'QS-CO-1' then '[{"code": "QS-A", "status": "reported", "due": "2020-03-05T00:00:00Z",
                                          "reportedAt": "2020-03-04T00:00:00Z"},
                                         {"code": "QS-B", "status": "open", "due": "2020-03-06T00:00:00Z"}]'::jsonb
                  when 'QS-CO-2' then '[{"code": "QS-A", "status": "reported", "due": "2020-03-05T00:00:00Z",
                                          "reportedAt": "2020-03-06T00:00:00Z"},
                                         {"code": "QS-B", "status": "open"}]'::jsonb
                  else '[]'::jsonb end
                 where number like 'QS-CO-%'""").update();
        StatsQuery q = new StatsQuery("", null, null, LocalDate.of(2020, 2, 1), LocalDate.of(2020, 3, 31), "organisation");
        var figures = coHandling.byOrganisation(q, LocalDate.of(2020, 2, 1).atStartOfDay(ZONE).toOffsetDateTime(),
                LocalDate.of(2020, 4, 1).atStartOfDay(ZONE).toOffsetDateTime(), OffsetDateTime.now());
        assertThat(figures).containsOnlyKeys("QS-A", "QS-B");
        assertThat(figures.get("QS-A")).isEqualTo(new CoHandlingFigures.Figure(2, 1)); // one reported in time, one late
        assertThat(figures.get("QS-B")).isEqualTo(new CoHandlingFigures.Figure(1, 0)); // open past its due; one without a due
    }

    /** Open cases' deadline days before yesterday are one "already overdue" row per key (V580), in days and months. */
    private void assertPastDeadlinesFolded(String when) {
        assertThat(pastDeadlineRows()).as("%s: rows of a past deadline day", when).isZero();
        for (String table : List.of("case_day_count", "case_month_count")) {
            assertThat(jdbc.sql("select count(*) from minqing." + table + " where due_day = '-infinity'").query(Long.class).single())
                    .as("%s: %s's overdue rows", when, table).isPositive();
        }
    }

    private long pastDeadlineRows() {
        return jdbc.sql("""
                select (select count(*) from minqing.case_day_count
                         where due_day > '-infinity' and due_day < %1$s)
                     + (select count(*) from minqing.case_month_count
                         where due_day > '-infinity' and due_day < %1$s)""".formatted(CaseRollup.FOLD_BEFORE)).query(Long.class).single();
    }

    private void change(String sql) {
        assertThat(jdbc.sql(sql).update()).as(sql).isPositive();
    }

    private void agreeEverywhere(String when) {
        long started = System.nanoTime();
        String township = jdbc.sql("select substr(min(village_code), 1, 4) from minqing.case_record where number like 'QS-ROLL%'")
                .query(String.class).single();
        String category = jdbc.sql("select min(category_code) from minqing.case_record where number like 'QS-ROLL%'")
                .query(String.class).single();
        String org = jdbc.sql("select min(handling_org) from minqing.case_record where number like 'QS-ROLL%'")
                .query(String.class).single();
        LocalDate[][] periods = {
                {LocalDate.of(2023, 1, 1), today()}, {LocalDate.of(2023, 3, 5), LocalDate.of(2023, 7, 19)},
                {today().minusDays(29), today()}, {today(), today()}};
        for (LocalDate[] p : periods) {
            for (String groupBy : List.of("none", "township", "village", "category", "organisation", "day", "week", "month",
                    "quarter", "year")) {
                agree(when, query("", null, null, groupBy), p[0], p[1]);
            }
            agree(when, query(township, category, null, "none"), p[0], p[1]);
            agree(when, query("QS", null, org, "village"), p[0], p[1]);
            agree(when, query(township, null, org, "month"), p[0], p[1]);
            // the dashboard's groupings read together (one statement where they share a cube, else one each)
            agreeEach(when, query("", null, null, "none"), List.of("category", "township", "month", "none", "quarter"), p[0], p[1]);
            agreeEach(when, query(township, null, null, "none"), List.of("village", "category", "year"), p[0], p[1]);
            agreeEach(when, query("QS", null, null, "none"), List.of("category", "organisation", "week"), p[0], p[1]);
        }
        System.out.printf("rollups agree (%s) in %.1f s%n", when, (System.nanoTime() - started) / 1e9);
    }

    private void agree(String when, StatsQuery q, LocalDate from, LocalDate to) {
        Map<String, IndicatorValues> expected = cases.compute(q, from.atStartOfDay(ZONE).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
        Map<String, IndicatorValues> actual = daily.compute(q, from, to, true);
        assertThat(actual).as("%s: %s %s..%s", when, q, from, to).isEqualTo(expected);
    }

    private void agreeEach(String when, StatsQuery q, List<String> groupings, LocalDate from, LocalDate to) {
        Map<String, Map<String, IndicatorValues>> each = daily.computeEach(q, groupings, from, to);
        assertThat(each.keySet()).containsExactlyElementsOf(groupings);
        for (String g : groupings) {
            StatsQuery grouped = new StatsQuery(q.region(), q.organisation(), q.category(), q.from(), q.to(), g);
            assertThat(each.get(g)).as("%s: %s read together with %s, %s..%s", when, g, groupings, from, to)
                    .isEqualTo(cases.compute(grouped, from.atStartOfDay(ZONE).toOffsetDateTime(),
                            to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime(), false));
        }
    }

    private static StatsQuery query(String region, String category, String organisation, String groupBy) {
        return new StatsQuery(region, organisation, category, LocalDate.of(2023, 1, 1), today(), groupBy);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
