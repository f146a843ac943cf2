package cn.minqing.stats;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.BenchmarkApp;
import cn.minqing.support.GeneratedCases;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints indicator and dashboard latency (p50/p95) with N cases (default 100 000) in PostgreSQL,
 * generated in SQL by {@link GeneratedCases}.
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.minqing.stats.StatsBenchmark -Dexec.args=100000</pre>
 */
public final class StatsBenchmark {

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchmarkApp.run(context -> run(context, cases));
    }

    private static void run(ConfigurableApplicationContext context, int count) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long start = System.nanoTime();
        GeneratedCases.insert(jdbc, "QS-BENCH", count, java.time.OffsetDateTime.now(), 365, false);
        System.out.printf("%ngenerated %d cases in %.1f s%n", count, (System.nanoTime() - start) / 1e9);

        StatsService stats = context.getBean(StatsService.class);
        CurrentUser leader = context.getBean(UserAccounts.class).find("leader1").orElseThrow().user();
        LocalDate today = LocalDate.now();
        latency("indicators, county, last 30 days", () -> stats.report(null, null, null, null, null, "none", leader));
        latency("indicators by township, last 90 days", () -> stats.report(null, null, null, today.minusDays(89), today, "township", leader));
        latency("indicators by category, last year", () -> stats.report(null, null, null, today.minusDays(364), today, "category", leader));
        latency("dashboard (three reports), last 30 days", () -> {
            stats.report(null, null, null, null, null, "none", leader);
            stats.report(null, null, null, null, null, "category", leader);
            stats.report(null, null, null, null, null, "township", leader);
        });
    }

    private static void latency(String what, Runnable call) {
        for (int i = 0; i < 5; i++) {
            call.run();
        }
        long[] micros = new long[40];
        for (int i = 0; i < micros.length; i++) {
            long t = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("%-45s p50 %7.1f ms  p95 %7.1f ms%n", what, micros[20] / 1000.0, micros[38] / 1000.0);
    }
}
