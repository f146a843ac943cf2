package cn.minqing.stats;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.BenchmarkApp;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints indicator and dashboard latency (p50/p95) with N cases (default 100 000) in PostgreSQL,
 * generated in SQL with varied villages, categories, dates, statuses, deadlines and ratings.
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
        jdbc.sql("""
                insert into minqing.case_record (number, title, description, category_code, village_code, reporter, status,
                    created_at, updated_at, sign_due, signed_at, resolve_due, closed_at, rating, returns, reworks, supervisions, supporters)
                select 'QS-BENCH-' || g, '测试', '基准测试生成的诉求', c.code, v.code, 'villager1', s.status, t.created, t.created,
                       t.created + interval '24 hours',
                       case when g % 10 < 8 then t.created + interval '3 hours' end,
                       t.created + interval '7 days',
                       case when s.status in ('solved', 'unsolvable') then t.created + (g % 12) * interval '1 day' end,
                       case when s.status = 'solved' then (array['satisfied','basically','dissatisfied','no-response'])[1 + g % 4] end,
                       case when g % 20 = 0 then 1 else 0 end, case when g % 25 = 0 then 1 else 0 end,
                       case when g % 30 = 0 then 1 else 0 end, g % 3
                  from generate_series(1, :n) g
                  cross join lateral (select code from minqing.category order by code offset (g % 16) limit 1) c
                  cross join lateral (select code from minqing.region where level = 'village' order by code
                                      offset (g % 37) limit 1) v
                  cross join lateral (select (array['received','investigating','implementing','solved','solved','unsolvable',
                                      'rejected'])[1 + g % 7] as status) s
                  cross join lateral (select now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour' as created) t
                """.replace(":n", String.valueOf(count))).update();
        jdbc.sql("analyze minqing.case_record").update();
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
