package cn.minqing.stats;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.BenchmarkApp;
import cn.minqing.support.Latency;
import cn.minqing.support.GeneratedCases;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints indicator and dashboard latency (p50/p95) at each given number of cases (default 100 000
 * and 1 000 000), generated in PostgreSQL by {@link GeneratedCases} over the last year; each size
 * adds cases to the one before.
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.minqing.stats.StatsBenchmark -Dexec.args="100000 1000000"</pre>
 */
public final class StatsBenchmark {

    public static void main(String[] args) {
        // "profile" among the arguments: only the year-long dashboard, each of its sections timed on its own
        boolean profile = Arrays.asList(args).contains("profile");
        int[] sizes = Arrays.stream(args).filter(a -> a.matches("[0-9]+")).mapToInt(Integer::parseInt).toArray();
        int[] wanted = sizes.length > 0 ? sizes : new int[] {100_000, 1_000_000};
        BenchmarkApp.run(context -> {
            if (profile) {
                profile(context, wanted);
            } else {
                run(context, wanted);
            }
        });
    }

    /**
     * The year-long dashboard read by read: each section the dashboard runs, timed alone (one thread), then the
     * whole dashboard, so that what costs what is named before anything is changed.
     */
    private static void profile(ConfigurableApplicationContext context, int[] sizes) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        StatsService stats = context.getBean(StatsService.class);
        Dashboard dashboard = context.getBean(Dashboard.class);
        CaseRollup rollup = context.getBean(CaseRollup.class);
        MonthlyFindings findings = context.getBean(MonthlyFindings.class);
        CurrentUser leader = context.getBean(UserAccounts.class).find("leader1").orElseThrow().user();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int have = 0;
        for (int size : sizes) {
            generate(jdbc, rollup, size, have);
            have = size;
            jdbc.sql("vacuum analyze minqing.case_record").update();
            for (String table : java.util.List.of("case_day_count", "case_month_count", "case_day_duration", "case_month_duration",
                    "case_day_delta", "case_duration_delta")) {
                jdbc.sql("vacuum analyze minqing." + table).update();
                System.out.printf("  %-20s rows by cube: %s%n", table, jdbc.sql("select coalesce(string_agg(cube || ': ' || n, ', ' order by cube), '-') from "
                        + "(select cube, count(*) n from minqing." + table + " group by cube) x").query(String.class).single());
            }
            StatsQuery q = stats.query(null, null, null, today.minusDays(364), today, "none", leader);
            java.util.function.Function<String, StatsQuery> by = g -> new StatsQuery(q.region(), q.organisation(), q.category(),
                    q.from(), q.to(), g);
            latency("year: cards (report, +previous, P90)", () -> stats.report(q));
            latency("year: current, no P90", () -> stats.current(q));
            latency("year: by category", () -> stats.current(by.apply("category")));
            latency("year: by township", () -> stats.current(by.apply("township")));
            latency("year: by organisation", () -> stats.current(by.apply("organisation")));
            latency("year: by month (trend)", () -> stats.current(by.apply("month")));
            latency("year: by village", () -> stats.current(by.apply("village")));
            latency("year: stages", () -> stats.stages(q));
            CoHandlingFigures co = context.getBean(CoHandlingFigures.class);
            latency("year: co-handling by organisation", () -> co.byOrganisation(q, stats.startOf(q.from()),
                    stats.startOf(q.to().plusDays(1)), OffsetDateTime.now()));
            cn.minqing.search.HotTopics hot = context.getBean(cn.minqing.search.HotTopics.class);
            latency("year: hot topics (search index)", () -> {
                try {
                    hot.of(q.region(), q.category(), stats.startOf(q.from()), stats.startOf(q.to().plusDays(1)), leader);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            latency("year: oldest open", () -> findings.oldestOpen(q.region(), q.category(), 10));
            latency("dashboard (all of it), last 30 days", () -> dashboard.of(null, null, null, null, leader));
            latency("dashboard (all of it), last year", () -> dashboard.of(null, null, today.minusDays(364), today, leader));
        }
    }

    /** Tops the benchmark's cases up from {@code have} to {@code size} and folds their rollup deltas in. */
    private static void generate(JdbcClient jdbc, CaseRollup rollup, int size, int have) {
        long start = System.nanoTime();
        GeneratedCases.insert(jdbc, "QS-BENCH" + size, size - have, OffsetDateTime.now(), 365, false);
        System.out.printf("%n%,d cases (generated in %.1f s)%n", size, (System.nanoTime() - start) / 1e9);
        rollup.compact();
    }

    private static void run(ConfigurableApplicationContext context, int[] sizes) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        StatsService stats = context.getBean(StatsService.class);
        Dashboard dashboard = context.getBean(Dashboard.class);
        Indicators caseRows = context.getBean(Indicators.class);
        CaseRollup rollup = context.getBean(CaseRollup.class);
        CurrentUser leader = context.getBean(UserAccounts.class).find("leader1").orElseThrow().user();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int have = 0;
        for (int size : sizes) {
            generate(jdbc, rollup, size, have);
            have = size;
            System.out.printf("daily rollup rows: %s%n", jdbc.sql("select string_agg(cube || ': ' || n, ', ' order by cube) from "
                    + "(select cube, count(*) n from minqing.case_day_count group by cube) x").query(String.class).single());
            StatsQuery countyYear = new StatsQuery("", null, null, today.minusDays(364), today, "none");
            latency("rollups: indicators, county, last year (+previous, P90)", () -> stats.report(countyYear));
            latency("indicators, county, last 30 days", () -> stats.report(null, null, null, null, null, "none", leader));
            latency("indicators by township, last 90 days",
                    () -> stats.report(null, null, null, today.minusDays(89), today, "township", leader));
            latency("indicators by category, last year",
                    () -> stats.report(null, null, null, today.minusDays(364), today, "category", leader));
            latency("indicators by month (trend), last year",
                    () -> stats.report(null, null, null, today.minusDays(364), today, "month", leader));
            latency("indicators of one township, last 30 days",
                    () -> stats.report("QS01", null, null, null, null, "village", leader));
            latency("dashboard (all of it), last 30 days", () -> dashboard.of(null, null, null, null, leader));
            latency("dashboard (all of it), last 90 days", () -> dashboard.of(null, null, today.minusDays(89), today, leader));
            latency("dashboard (all of it), last year", () -> dashboard.of(null, null, today.minusDays(364), today, leader));
            // A/B in the same run: the same cards counted from the case rows, as before the rollups
            Latency.print("case rows: indicators, county, last year (+previous, P90)", 1, 5, i -> {
                caseRows.compute(countyYear, stats.startOf(today.minusDays(364)), stats.startOf(today.plusDays(1)));
                caseRows.compute(countyYear, stats.startOf(today.minusDays(729)), stats.startOf(today.minusDays(364)));
            });
            System.out.println("    (5 runs) load average " + loadAverage());
        }
    }

    private static void latency(String what, Runnable call) {
        Latency.print(what, 3, 20, i -> call.run());
        System.out.println("    load average " + loadAverage());
    }

    /** The machine is shared: every figure is printed with the load it was measured under. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
