package cn.minqing.stats;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the daily rollups (每日汇总, V470) compact and rebuildable. The case table's triggers append signed deltas in the
 * case's own transaction; {@link #compact} folds them into the rollup in one statement (a delta is moved, never copied,
 * so nothing is counted twice, and readers see it either in the deltas or in the rollup). {@link #rebuild} recounts
 * everything from the case rows, in one snapshot.
 */
@Component
class CaseRollup {

    private static final Logger log = LoggerFactory.getLogger(CaseRollup.class);

    /** What a rebuild counted. */
    record Rebuilt(long cases, long rows, String timeZone) {
    }

    private static final String COUNTS = """
            received, dispatched, signed_in_time, closed, closed_in_time, closed_with_deadline, solved, answered, extended,
            closed_in_original_time, satisfied, rated, no_response, reworked, returned, supervisions, reworks, open_count,
            open_due, closed_timed, closed_seconds, supporters, deferred, ever_deferred""";

    private final JdbcClient jdbc;
    private final String zone;
    private final org.springframework.transaction.support.TransactionTemplate snapshot;

    CaseRollup(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
               @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.snapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The rollups count days in the county's zone: when it is not the one they were made in, they are made again. */
    @EventListener(ApplicationReadyEvent.class)
    void checkZone() {
        String made = jdbc.sql("select time_zone from minqing.case_rollup_zone").query(String.class).single();
        if (!made.equals(zone)) {
            log.info("Daily rollups were counted in {}, the county is in {}: rebuilding them", made, zone);
            rebuild();
        }
    }

    /** Folds the deltas into the rollups (every few seconds; when several instances run it, one folds at a time). */
    @Scheduled(fixedDelayString = "${minqing.stats.rollup-compact-ms:5000}", initialDelayString = "${minqing.stats.rollup-compact-ms:5000}")
    @Transactional
    public void compact() {
        // one fold at a time: two deletes of the same deltas, each scanning from its own place, deadlock on a large
        // backlog (seen at a million generated cases); a second fold waits for the first, then folds what is left,
        // so a caller's fold has always folded everything committed before it
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('minqing.case_rollup'))").query(Integer.class).single();
        foldPastDeadlines(false);
        String keys = "cube, day, village_code, category_code, org, due_day";
        String sums = sums();
        String adds = adds();
        // an open case's deadline day already past is kept as "already overdue" ('-infinity', V580), as the rows are
        String dayKeys = "cube, day, village_code, category_code, org, " + PAST_AS_OVERDUE;
        String monthKeys = "cube, date_trunc('month', day)::date, village_code, category_code, org, " + PAST_AS_OVERDUE;
        int moved = jdbc.sql("""
                with moved as (delete from minqing.case_day_delta returning *),
                days as (insert into minqing.case_day_count as t select %5$s, %2$s from moved group by %5$s
                         on conflict (%1$s) do update set %3$s returning 1),
                months as (insert into minqing.case_month_count as t select %4$s, %2$s from moved group by %4$s
                           on conflict (%1$s) do update set %3$s returning 1)
                select count(*) from days
                """.formatted(keys, sums, adds, monthKeys, dayKeys)).query(Integer.class).single();
        jdbc.sql("""
                with moved as (delete from minqing.case_duration_delta returning *),
                days as (insert into minqing.case_day_duration as t
                         select cube, day, village_code, category_code, org, hours, sum(n) from moved
                          group by cube, day, village_code, category_code, org, hours
                         on conflict (cube, day, village_code, category_code, org, hours) do update set n = t.n + excluded.n
                         returning 1),
                months as (insert into minqing.case_month_duration as t
                           select cube, date_trunc('month', day)::date, village_code, category_code, org, hours, sum(n)
                             from moved group by 1, 2, 3, 4, 5, 6
                           on conflict (cube, day, village_code, category_code, org, hours) do update set n = t.n + excluded.n
                           returning 1)
                select (select count(*) from days) + (select count(*) from months)
                """).query(Integer.class).single();
        if (moved > 0) {
            // the partial indexes on the empty rows (V540) find them without reading the rollups
            for (String table : List.of("case_day_count", "case_month_count")) {
                jdbc.sql("delete from minqing." + table + " where received = 0 and cube in (1, 2, 3, 4)").update();
            }
            for (String table : List.of("case_day_duration", "case_month_duration")) {
                jdbc.sql("delete from minqing." + table + " where n = 0 and cube in (1, 2, 3, 4)").update();
            }
        }
    }

    /**
     * The first deadline day the fold keeps apart: yesterday (UTC). Days before it are folded one day late, so a
     * reader whose clock still says yesterday (a transaction begun just before midnight, its snapshot taken after the
     * fold) finds yesterday's rows where it counts them from the case rows' deadlines, not also in the overdue row.
     */
    static final String FOLD_BEFORE = "((now() at time zone 'UTC')::date - 1)";

    /** A rollup row's deadline day, or '-infinity' (already overdue) once it is before {@link #FOLD_BEFORE}. */
    private static final String PAST_AS_OVERDUE = """
            case when due_day < %s then '-infinity'::date else due_day end""".formatted(FOLD_BEFORE).strip();

    /**
     * Once a UTC day (or always, when {@code always}): the rows of open cases whose deadline day is now past are
     * merged into their key's "already overdue" row ('-infinity', V580). The overdue count reads every due day before
     * today, which '-infinity' is, and a day never moves back from past to later, so every sum stays what it was; the
     * year's months then keep two or three rows per key instead of one per deadline day. The caller holds the fold's
     * lock; the claim on {@code case_rollup_zone} makes it once a day among several instances.
     */
    private void foldPastDeadlines(boolean always) {
        boolean due = jdbc.sql("""
                update minqing.case_rollup_zone set overdue_folded = (now() at time zone 'UTC')::date
                 where ? or overdue_folded is null or overdue_folded < (now() at time zone 'UTC')::date""")
                .param(always).update() > 0;
        if (!due) {
            return;
        }
        for (String table : List.of("case_day_count", "case_month_count")) {
            // one statement per table: the rows leave their deadline day and join the overdue row together
            jdbc.sql("""
                    with past as (delete from minqing.%1$s
                                   where due_day > '-infinity' and due_day < %4$s returning *)
                    insert into minqing.%1$s as t
                    select cube, day, village_code, category_code, org, '-infinity'::date, %2$s from past
                     group by cube, day, village_code, category_code, org
                    on conflict (cube, day, village_code, category_code, org, due_day) do update set %3$s
                    """.formatted(table, sums(), adds(), FOLD_BEFORE)).update();
        }
    }

    private static String sums() {
        return java.util.Arrays.stream(COUNTS.split(",")).map(String::trim).map(c -> "sum(" + c + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String adds() {
        return java.util.Arrays.stream(COUNTS.split(",")).map(String::trim).map(c -> c + " = t." + c + " + excluded." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Recounts the rollups from the case rows. One snapshot (repeatable read) for the whole recount: a case change
     * committed after it keeps its delta, one committed before is in the rows counted and its delta is dropped.
     * The table locks keep {@link #compact} out meanwhile; case changes go on.
     */
    Rebuilt rebuild() {
        return snapshot.execute(status -> rebuildStatements());
    }

    private Rebuilt rebuildStatements() {
        // case_rollup_zone first, the order the fold takes them in (it claims the zone's row, then writes the tables):
        // taking the tables first could meet a fold the other way round, a deadlock. A lock, not the fold's advisory
        // lock: a select would take this repeatable-read transaction's snapshot before the wait.
        jdbc.sql("lock table minqing.case_rollup_zone, minqing.case_day_count, minqing.case_day_duration, minqing.case_month_count, "
                + "minqing.case_month_duration in exclusive mode").update();
        jdbc.sql("update minqing.case_rollup_zone set time_zone = ?").param(zone).update();
        jdbc.sql("delete from minqing.case_day_count").update();
        jdbc.sql("delete from minqing.case_day_delta").update();
        jdbc.sql("delete from minqing.case_day_duration").update();
        jdbc.sql("delete from minqing.case_duration_delta").update();
        jdbc.sql("delete from minqing.case_month_count").update();
        jdbc.sql("delete from minqing.case_month_duration").update();
        String counts = jdbc.sql("select minqing.case_day_select('minqing.case_record', 1, quote_literal(?))").param(zone).query(String.class).single();
        long rows = jdbc.sql("insert into minqing.case_day_count " + counts).update();
        String hours = jdbc.sql("select minqing.case_duration_select('minqing.case_record', 1, quote_literal(?))").param(zone).query(String.class).single();
        jdbc.sql("insert into minqing.case_day_duration " + hours).update();
        foldPastDeadlines(true); // the months below are summed from the folded days
        String sums = sums();
        jdbc.sql("""
                insert into minqing.case_month_count
                select cube, date_trunc('month', day)::date, village_code, category_code, org, due_day, %s
                  from minqing.case_day_count group by 1, 2, 3, 4, 5, 6
                """.formatted(sums)).update();
        jdbc.sql("""
                insert into minqing.case_month_duration
                select cube, date_trunc('month', day)::date, village_code, category_code, org, hours, sum(n)
                  from minqing.case_day_duration group by 1, 2, 3, 4, 5, 6
                """).update();
        long cases = jdbc.sql("select coalesce(sum(received), 0) from minqing.case_day_count where cube = 1").query(Long.class).single();
        return new Rebuilt(cases, rows, zone);
    }
}
