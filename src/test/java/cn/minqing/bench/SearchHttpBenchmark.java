package cn.minqing.bench;

import cn.minqing.search.SearchBenchmark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Issue 16's search goal through HTTP (a program, not a test): starts the release jar as {@link LoadBenchmark} does
 * (durable PostgreSQL, embedded Elasticsearch, its own data directory, bench mode), writes N made-up cases into its
 * search index ({@code POST /api/admin/bench/search-cases}, the cases SearchBenchmark uses), then from a few client
 * threads with bearer tokens, one kind after the other:
 * <ol>
 *   <li>{@code GET /api/search?q=…} as leader1 (the county), the common queries and the hard ones (typos, thesaurus,
 *   places, relaxation), synonyms, place names, highlights and facets on as always;</li>
 *   <li>the same common queries as township1 (the township's scope filter);</li>
 *   <li>similar cases before filing, {@code GET /api/cases/similar?text=…} as villager1.</li>
 * </ol>
 * Prints p50/p95/p99, errors, the index size and the load average per kind, and writes target/load/run-TIMESTAMP.csv.
 * <pre>mvn -B -ntp -q package -DskipTests &amp;&amp; mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.minqing.bench.SearchHttpBenchmark -Dexec.args="1000000 4 60" \
 *     -DappArgs=--minqing.embedded.elasticsearch-heap=1g</pre>
 * Arguments: cases (1,000,000), client threads (4), seconds per kind (60), and a fourth, {@code ab} (searchperf8):
 * first every benchmark query (common and hard, as leader1 and township1, page one and the page after it) is asked
 * with each request shape ({@code POST /api/admin/bench/search-shape}: one request that scores, counts and facets
 * every match, or the page and the count as two in one round trip) and the answers compared whole — hits, order,
 * scores, highlights, total, facets, relaxation; then each kind is measured with the old shape and the new one,
 * back to back on the same index. Or {@code clauses} (searchcost9): per benchmark query the totals and first ten with
 * every rewrite on all seven fields against common forms on the words fields only
 * ({@code POST /api/admin/bench/rewrite-clauses}), then each search kind with the one and the other, back to back.
 */
public final class SearchHttpBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_CALL = Integer.getInteger("perCall", 20_000);

    private SearchHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        boolean ab = args.length > 3 && args[3].equals("ab");
        boolean clauses = args.length > 3 && args[3].equals("clauses");
        LoadBenchmark bench = new LoadBenchmark(threads, seconds, 0);
        Files.createDirectories(LoadBenchmark.OUT);
        Process app = bench.startApp();
        try {
            run(bench, cases, threads, seconds, ab, clauses);
        } catch (Exception e) {
            System.out.println("the run stopped early: " + e);
            e.printStackTrace(System.out);
        } finally {
            LoadBenchmark.stop(app);
        }
        bench.writeCsv();
        System.exit(0);
    }

    private static void run(LoadBenchmark bench, int cases, int threads, int seconds, boolean ab, boolean clauses)
            throws Exception {
        String admin = bench.token("admin");
        fill(bench, admin, cases);
        String leader = bench.token("leader1");
        String township = bench.token("township1");
        String villager = bench.token("villager1");
        if (clauses) {
            compareClauses(bench, admin, leader, township);
            // kind by kind, every rewrite on all fields and common forms on the words fields, back to back
            for (int kind = 0; kind < 3; kind++) {
                for (boolean lean : List.of(false, true)) {
                    clauses(bench, admin, lean);
                    kind(bench, threads, seconds, leader, township, villager,
                            lean ? " [common forms on the words fields]" : " [every rewrite on all fields]", kind);
                }
            }
            kind(bench, threads, seconds, leader, township, villager, "", 3);
        } else if (!ab) {
            for (int kind = 0; kind < 4; kind++) {
                kind(bench, threads, seconds, leader, township, villager, "", kind);
            }
        } else {
            compareShapes(bench, admin, leader, township);
            // kind by kind, the old shape and the new one back to back (the load on a shared machine drifts)
            for (int kind = 0; kind < 4; kind++) {
                for (boolean single : List.of(true, false)) {
                    shape(bench, admin, single);
                    kind(bench, threads, seconds, leader, township, villager, single ? " [single request]" : " [page + count]", kind);
                }
            }
        }
        System.out.printf("%nscope check: township1 sees %s of leader1's %s cases for 自来水%n",
                total(bench, township, "自来水"), total(bench, leader, "自来水"));
        holdWhileAsked();
    }

    /** With {@code -Dhold=PATH}: the app (and its filled index) stays up while that file exists, for experiments by hand. */
    private static void holdWhileAsked() throws InterruptedException {
        String hold = System.getProperty("hold");
        if (hold == null) {
            return;
        }
        System.out.printf("holding the app while %s exists%n", hold);
        while (Files.exists(java.nio.file.Path.of(hold))) {
            Thread.sleep(2000);
        }
    }

    private static void clauses(LoadBenchmark bench, String admin, boolean lean) throws Exception {
        HttpResponse<String> r = bench.send("POST", "/api/admin/bench/rewrite-clauses?lean=" + lean, admin, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("switching the rewrite clauses failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * searchcost9: what the lean clauses of common forms change at this size — per benchmark query, as leader1 and
     * township1, the total with each clause shape and how many of the full shape's first ten stay in the lean one's.
     */
    private static void compareClauses(LoadBenchmark bench, String admin, String leader, String township) throws Exception {
        List<String> queries = new java.util.ArrayList<>(SearchBenchmark.QUERIES);
        queries.addAll(SearchBenchmark.HARD_QUERIES);
        System.out.printf("%nrewrite clauses compared (total full → lean, first ten kept):%n");
        for (String token : List.of(leader, township)) {
            for (String q : queries) {
                String path = "/api/search?size=10&q=" + encode(q);
                clauses(bench, admin, false);
                JsonNode full = JSON.readTree(bench.send("GET", path, token, null).body());
                clauses(bench, admin, true);
                JsonNode lean = JSON.readTree(bench.send("GET", path, token, null).body());
                List<String> before = full.path("hits").findValuesAsText("number");
                List<String> after = lean.path("hits").findValuesAsText("number");
                long kept = before.stream().filter(after::contains).count();
                System.out.printf("  %s %-12s %,d → %,d, first ten kept %d of %d%n", token.equals(leader) ? "leader1 " : "township1",
                        q, full.path("total").asLong(), lean.path("total").asLong(), kept, before.size());
            }
        }
    }

    private static void shape(LoadBenchmark bench, String admin, boolean single) throws Exception {
        HttpResponse<String> r = bench.send("POST", "/api/admin/bench/search-shape?single=" + single, admin, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("switching the request shape failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Every benchmark query, as leader1 and township1, page one and the page after it: the whole answer with one
     * request shape against the other. Prints how many differ (and which, with the first difference).
     */
    private static void compareShapes(LoadBenchmark bench, String admin, String leader, String township) throws Exception {
        List<String> queries = new java.util.ArrayList<>(SearchBenchmark.QUERIES);
        queries.addAll(SearchBenchmark.HARD_QUERIES);
        int compared = 0;
        int differ = 0;
        for (String token : List.of(leader, township)) {
            for (String q : queries) {
                String first = "/api/search?q=" + encode(q);
                shape(bench, admin, true);
                JsonNode old = JSON.readTree(bench.send("GET", first, token, null).body());
                shape(bench, admin, false);
                JsonNode now = JSON.readTree(bench.send("GET", first, token, null).body());
                compared++;
                if (!old.equals(now)) {
                    differ++;
                    System.out.printf("  differs: %s (page one)%n    single: %.300s%n    split:  %.300s%n", q, old, now);
                }
                if (old.path("searchAfter").size() == 2) {
                    String next = first + "&after=" + encode(old.path("searchAfter").get(0).asText())
                            + "&after=" + encode(old.path("searchAfter").get(1).asText());
                    shape(bench, admin, true);
                    JsonNode oldNext = JSON.readTree(bench.send("GET", next, token, null).body());
                    shape(bench, admin, false);
                    JsonNode nowNext = JSON.readTree(bench.send("GET", next, token, null).body());
                    compared++;
                    if (!oldNext.equals(nowNext)) {
                        differ++;
                        System.out.printf("  differs: %s (page two)%n    single: %.300s%n    split:  %.300s%n", q, oldNext, nowNext);
                    }
                }
            }
        }
        System.out.printf("%nrequest shapes compared: %d answers (page one and two, leader1 and township1), %d differ%n",
                compared, differ);
    }

    /** One kind: 0 common queries as leader1, 1 hard ones, 2 common ones as township1, 3 similar cases as villager1. */
    private static void kind(LoadBenchmark bench, int threads, int seconds, String leader, String township,
                              String villager, String label, int kind) throws Exception {
        List<String> common = SearchBenchmark.QUERIES;
        List<String> hard = SearchBenchmark.HARD_QUERIES;
        switch (kind) {
            case 0 -> measure(bench, "search GET /api/search, county leader" + label, threads, seconds,
                    i -> search(bench, leader, common.get(i % common.size())));
            case 1 -> measure(bench, "search GET /api/search, county leader, hard queries" + label, threads, seconds,
                    i -> search(bench, leader, hard.get(i % hard.size())));
            case 2 -> measure(bench, "search GET /api/search, township cadre" + label, threads, seconds,
                    i -> search(bench, township, common.get(i % common.size())));
            default -> measure(bench, "similar GET /api/cases/similar, villager" + label, threads, seconds, i -> bench.send("GET",
                    "/api/cases/similar?villageCode=QS01001&text=" + encode("三组的" + common.get(i % common.size()) + "好几天了没人管"),
                    villager, null).statusCode());
        }
    }

    /**
     * Writes the cases in calls of {@code -DperCall} (20,000) and prints the rate and the index's size; stops early after
     * {@code -DfillMinutes} (on a shared machine a million cases may take longer than the run can wait: the figures
     * then say how many cases were searched).
     */
    private static void fill(LoadBenchmark bench, String admin, int cases) throws Exception {
        long start = System.nanoTime();
        long until = start + java.util.concurrent.TimeUnit.MINUTES.toNanos(Long.getLong("fillMinutes", 120));
        JsonNode last = null;
        for (int first = 0; first < cases && System.nanoTime() < until; first += PER_CALL) {
            int count = Math.min(PER_CALL, cases - first);
            HttpResponse<String> r = bench.send("POST", "/api/admin/bench/search-cases?first=" + first + "&count=" + count,
                    admin, null);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("writing cases failed: HTTP " + r.statusCode() + " " + r.body());
            }
            last = JSON.readTree(r.body());
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %,d cases written in %.0f s (%.0f /s, machine load %s)%n", first + count, s,
                    (first + count) / s, LoadBenchmark.loadAverage());
        }
        System.out.printf("index: %,d documents, %.1f MB (primary store, not force-merged)%n",
                last.path("documents").asLong(), last.path("storeBytes").asLong() / 1e6);
    }

    private static void measure(LoadBenchmark bench, String kind, int threads, int seconds, LoadBenchmark.Call call)
            throws Exception {
        for (int i = 0; i < 24; i++) {
            call.run(i); // warm: each query once, caches and JIT
        }
        System.out.printf("%n%s: %d threads, %d s (machine load %s)%n", kind, threads, seconds, LoadBenchmark.loadAverage());
        bench.report(bench.drive(kind, seconds, call, null), null);
    }

    private static int search(LoadBenchmark bench, String token, String q) throws Exception {
        return bench.send("GET", "/api/search?q=" + encode(q), token, null).statusCode();
    }

    private static String total(LoadBenchmark bench, String token, String q) throws Exception {
        return JSON.readTree(bench.send("GET", "/api/search?size=1&q=" + encode(q), token, null).body()).path("total").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
