package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.GeneratedCases;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollups' deltas are written once per case and transaction, at commit (V570): several updates of one case in a
 * transaction (受理 writes the handling organisation, the deadlines and the status) leave one netted difference, and
 * none when nothing counted changed in the end; an update then a delete, an insert then an update and a rollback each
 * leave the rollups equal to a recount of the case rows, and no pending row outlives its transaction.
 */
class RollupPerTransactionTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseRollup rollup;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void oneNettedDeltaPerCaseAndTransaction() {
        try {
            walkThroughTransactions();
        } finally {
            // these cases are in no search index: left behind, they would part PostgreSQL's figures from the index's
            // for any later test comparing the two over the demo county (IndicatorsAgreeTest)
            jdbc.sql("delete from minqing.case_record where number like 'QS-TXN%'").update();
        }
    }

    private void walkThroughTransactions() {
        GeneratedCases.insert(jdbc, "QS-TXN", 60, OffsetDateTime.now(), 5, false);
        agreesWithRecount("generated");
        String received = jdbc.sql("select min(number) from minqing.case_record where number like 'QS-TXN-%' and status = 'received'")
                .query(String.class).single();
        String org = jdbc.sql("select min(code) from minqing.organisation").query(String.class).single();

        // 受理 as the process writes it: three updates of the row in one transaction
        rollup.compact();
        foldsHeld(() -> {
        inTransaction(() -> {
            jdbc.sql("update minqing.case_record set handling_org = ?, updated_at = now() where number = ?").params(org, received).update();
            jdbc.sql("""
                    update minqing.case_record set sign_due = now() + interval '1 day', resolve_due = now() + interval '7 days',
                           warn_at = now() + interval '5 days', updated_at = now() where number = ?""").param(received).update();
            jdbc.sql("update minqing.case_record set status = 'dispatched', updated_at = now() where number = ?").param(received).update();
            assertThat(deltaRows()).as("nothing is appended before the commit").isZero();
        });
        // cubes 1, 2 and 4 move the case to a due day (minus the old key, plus the new), cube 3 also to its organisation
        assertThat(deltaRows()).as("one netted difference: two keys per cube").isEqualTo(8);
        });
        assertThat(pendingRows()).isZero();
        agreesWithRecount("accepted in one transaction");

        // a status that counts as the one before it, and a change taken back in the same transaction: no delta at all
        rollup.compact();
        foldsHeld(() -> {
        inTransaction(() -> {
            jdbc.sql("update minqing.case_record set status = 'investigating' where number = ?").param(received).update();
            jdbc.sql("update minqing.case_record set supervisions = supervisions + 1 where number = ?").param(received).update();
            jdbc.sql("update minqing.case_record set supervisions = supervisions - 1 where number = ?").param(received).update();
        });
        assertThat(deltaRows()).as("nothing counted changed in the end").isZero();
        });
        assertThat(pendingRows()).isZero();

        // many cases in one statement, then again in another: one difference per case
        change("update minqing.case_record set reworks = reworks + 1, rating = null where number like 'QS-TXN-%' and status = 'solved'",
                "update minqing.case_record set status = 'investigating', closed_at = null where number like 'QS-TXN-%' and status = 'solved'");
        agreesWithRecount("two statements over many cases");

        // an update, then a delete of the same cases
        change("update minqing.case_record set village_code = (select min(code) from minqing.region where level = 'village') "
                        + "where number like 'QS-TXN-%' and substring(number from '[0-9]+$')::int % 7 = 0",
                "delete from minqing.case_record where number like 'QS-TXN-%' and substring(number from '[0-9]+$')::int % 7 = 0");
        agreesWithRecount("updated, then deleted");

        // a case inserted and then changed in one transaction
        inTransaction(() -> {
            GeneratedCases.insert(jdbc, "QS-TXNNEW", 5, OffsetDateTime.now(), 1, false);
            jdbc.sql("update minqing.case_record set status = 'solved', closed_at = created_at + interval '5 hours', rating = 'satisfied' "
                    + "where number like 'QS-TXNNEW-%'").update();
            jdbc.sql("update minqing.case_record set rating = 'basically' where number like 'QS-TXNNEW-%'").update();
        });
        agreesWithRecount("inserted, then changed");

        // a rollback leaves neither a delta nor a pending row
        rollup.compact();
        foldsHeld(() -> {
        try {
            inTransaction(() -> {
                jdbc.sql("update minqing.case_record set status = 'solved', closed_at = now() where number like 'QS-TXN-%'").update();
                throw new IllegalStateException("taken back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(deltaRows()).isZero();
        });
        assertThat(pendingRows()).isZero();
        agreesWithRecount("rolled back");
        rollup.compact();
        agreesWithRecount("folded in");
    }

    private void change(String... statements) {
        inTransaction(() -> {
            for (String sql : statements) {
                assertThat(jdbc.sql(sql).update()).as(sql).isPositive();
            }
        });
        assertThat(pendingRows()).isZero();
    }

    /** The scheduled fold (every 5 s) kept out while the deltas are counted: it takes the same advisory lock. */
    private void foldsHeld(Runnable work) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('minqing.case_rollup'))");
            try {
                work.run();
            } finally {
                s.execute("select pg_advisory_unlock(hashtext('minqing.case_rollup'))");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private long deltaRows() {
        return jdbc.sql("select count(*) from minqing.case_day_delta").query(Long.class).single();
    }

    private long pendingRows() {
        return jdbc.sql("select count(*) from minqing.case_rollup_pending").query(Long.class).single();
    }

    /** A deadline day as the fold keeps it: every day before yesterday is one "already overdue" key ('-infinity', V580). */
    private static String alreadyOverdue(String day) {
        return "case when %1$s < %2$s then '-infinity'::date else %1$s end".formatted(day, CaseRollup.FOLD_BEFORE);
    }

    /** Every rollup key's counts (folded plus pending deltas) equal a recount of all the case rows, in one snapshot. */
    private void agreesWithRecount(String when) {
        String zone = jdbc.sql("select quote_literal(time_zone) from minqing.case_rollup_zone").query(String.class).single();
        String counts = jdbc.sql("""
                select string_agg(format('sum(%I)', column_name), ', ' order by ordinal_position) from information_schema.columns
                 where table_schema = 'minqing' and table_name = 'case_day_delta' and ordinal_position > 6""")
                .query(String.class).single();
        String nonzero = counts.replace("), ", ") <> 0 or ") + " <> 0";
        String days = jdbc.sql("select minqing.case_day_select('minqing.case_record', 1, ?)").param(zone).query(String.class).single();
        String hours = jdbc.sql("select minqing.case_duration_select('minqing.case_record', 1, ?)").param(zone).query(String.class).single();
        long dayDifferences = jdbc.sql("""
                with want as (select k1, k2, k3, k4, k5, %5$s, %2$s from (%1$s) r(k1, k2, k3, k4, k5, k6, %4$s)
                               group by 1, 2, 3, 4, 5, 6),
                     have as (select cube, day, village_code, category_code, org, %6$s, %2$s
                                from (select * from minqing.case_day_count union all select * from minqing.case_day_delta) x
                               group by 1, 2, 3, 4, 5, 6 having %3$s)
                select count(*) from ((select * from want except all select * from have)
                                      union all (select * from have except all select * from want)) d
                """.formatted(days, counts, nonzero, counts.replace("sum(", "").replace(")", ""), alreadyOverdue("k6"),
                        alreadyOverdue("due_day"))).query(Long.class).single();
        long hourDifferences = jdbc.sql("""
                with want as (select cube, day, p, c, o, h, sum(n) from (%1$s) r(cube, day, p, c, o, h, n) group by 1, 2, 3, 4, 5, 6),
                     have as (select cube, day, village_code, category_code, org, hours, sum(n)
                                from (select * from minqing.case_day_duration union all select * from minqing.case_duration_delta) x
                               group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0)
                select count(*) from ((select * from want except all select * from have)
                                      union all (select * from have except all select * from want)) d
                """.formatted(hours)).query(Long.class).single();
        assertThat(dayDifferences).as("%s: day rollup keys that differ from a recount", when).isZero();
        assertThat(hourDifferences).as("%s: duration rollup keys that differ from a recount", when).isZero();
    }
}
