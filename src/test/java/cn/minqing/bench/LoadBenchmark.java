package cn.minqing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16's load benchmark (a program, not a test): starts the release jar as a user would
 * ({@code java -jar target/minqing.jar}: embedded PostgreSQL with fsync and synchronous commit on,
 * embedded Elasticsearch, the demo county for its users) in a throw-away data directory on free
 * ports, signs in for bearer tokens, warms up, then drives through HTTP from N threads for a set time
 * <ol>
 *   <li>filing, {@code POST /api/cases} as villager1, with the index lag (201 → found by
 *   {@code /api/search}) of every 25th case;</li>
 *   <li>stage-task completion, {@code POST /api/tasks/{id}/complete} of the filed cases' 受理 as grid1;</li>
 *   <li>the bare engine: a trivial process started N ways through Camunda's RuntimeService in the same
 *   JVM and database ({@code /api/admin/bench/engine}, bench mode only).</li>
 * </ol>
 * and prints rate, p50/p95/p99, errors, PostgreSQL's top statements per phase (pg_stat_statements) and,
 * with {@code -Djfr=true}, the hottest frames of a JFR recording of the app. Each run writes
 * target/load/run-TIMESTAMP.csv (and -statements.csv). Build the jar first:
 * <pre>mvn -B -ntp -q package -DskipTests &amp;&amp; mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.minqing.bench.LoadBenchmark -Dexec.args="8 60"</pre>
 * Arguments: threads (8), seconds per phase (60), warm-up seconds (10).
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    static final Path OUT = Path.of("target", "load");

    private final int threads;
    private final int seconds;
    private final int warmUp;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> csv = new ArrayList<>();
    private final List<String> statementsCsv = new ArrayList<>();
    private String base;
    private int pgPort;
    private int esPort;
    private long appPid;

    LoadBenchmark(int threads, int seconds, int warmUp) {
        this.threads = threads;
        this.seconds = seconds;
        this.warmUp = warmUp;
    }

    public static void main(String[] args) throws Exception {
        LoadBenchmark bench = new LoadBenchmark(arg(args, 0, 8), arg(args, 1, 60), arg(args, 2, 10));
        Files.createDirectories(OUT);
        Process app = bench.startApp();
        try {
            bench.run();
        } catch (Exception e) {
            System.out.println("the run stopped early: " + e);
        } finally {
            bench.jfr("JFR.stop", "name=load");
            stop(app);
        }
        if (Boolean.getBoolean("jfr")) {
            JfrHotFrames.print(OUT.resolve("run-" + RUN + ".jfr"), 25);
        }
        bench.writeCsv();
        System.exit(0);
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    Process startApp() throws Exception {
        Path jar = Path.of(System.getProperty("jar", "target/minqing.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -ntp -q package -DskipTests first");
        }
        int port = freePort();
        pgPort = freePort();
        esPort = freePort();
        Path data = OUT.resolve("data-" + RUN);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("appJvm", "-Xmx1g").split(" ")));
        if (Boolean.getBoolean("jfr")) {
            // Camunda's stacks run deeper than JFR's default 64 frames: cut there, a sample loses the request it serves
            command.add("-XX:FlightRecorderOptions:stackdepth=512");
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--minqing.data-dir=" + data.toAbsolutePath(), "--minqing.embedded.postgres-port=" + pgPort,
                "--minqing.embedded.elasticsearch-port=" + esPort,
                "--minqing.embedded.elasticsearch-transport-port=" + freePort(),
                "--minqing.demo.enabled=true", "--minqing.bench.enabled=true"));
        for (String extra : System.getProperty("appArgs", "").split(" ")) {
            if (!extra.isBlank()) {
                command.add(extra);
            }
        }
        Path log = OUT.resolve("app-" + RUN + ".log");
        System.out.printf("starting %s (log %s)%n", jar, log);
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        appPid = app.pid();
        base = "http://localhost:" + port;
        try {
            awaitUp(app, log);
        } catch (Exception e) {
            stop(app);
            throw e;
        }
        System.out.printf("app up at %s, PostgreSQL on %d (durable: %s)%n", base, pgPort, postgresSettings());
        return app;
    }

    /** Stops the app; it stops its PostgreSQL and Elasticsearch on the way out. */
    static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(120, TimeUnit.SECONDS)) {
            app.descendants().forEach(ProcessHandle::destroy);
            app.destroyForcibly();
        }
    }

    private void awaitUp(Process app, Path log) throws Exception {
        int minutes = Integer.getInteger("startMinutes", 10);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app stopped while starting: see " + log);
            }
            try {
                // up once it answers and the demo users can sign in (health may say DOWN for a part the run does not need)
                // and once the runners are done: the demo loader works its cases through the process after the
                // users exist, and a run that starts before it has finished measures the loader too
                if (Files.readString(log).contains("Loaded the demo county")
                        && send("GET", "/actuator/health", null, null).statusCode() > 0 && token("villager1") != null) {
                    break;
                }
            } catch (IOException | IllegalStateException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the app did not start in " + minutes + " minutes: see " + log);
            }
            Thread.sleep(1000);
        }
    }

    private void run() throws Exception {
        String villager = token("villager1");
        String grid = token("grid1");
        String leader = token("leader1");
        String admin = token("admin");
        sql("create extension if not exists pg_stat_statements");

        System.out.printf("warming up %d s%n", warmUp);
        List<String> warm = new ArrayList<>();
        drive("warm-up filing", warmUp, i -> file(villager, i, warm), null);
        taskQueue.addAll(acceptTasks(grid));
        drive("warm-up accept", Math.max(2, warmUp / 2), i -> complete(grid, taskQueue), null);
        for (String word : List.of("自来水", "路灯", marker(1))) {
            // the app's first searches load what its search keeps (synonyms, place names, category words): not lag
            long t0 = System.nanoTime();
            send("GET", "/api/search?size=1&q=" + word, leader, null);
            System.out.printf("  warm-up search %s: %.0f ms%n", word, (System.nanoTime() - t0) / 1e6);
        }

        jfr("JFR.start", "name=load", "settings=profile",
                "filename=" + OUT.resolve("run-" + RUN + ".jfr").toAbsolutePath());
        System.out.printf("%nfiling: %d threads, %d s (machine load %s)%n", threads, seconds, loadAverage());
        resetStatements();
        List<String> filed = new ArrayList<>();
        IndexLag lag = new IndexLag(leader);
        Map<String, Long> cpuBefore = cpu();
        Result filing = drive("filing POST /api/cases", seconds, i -> {
            int status = file(villager, i, filed);
            return status;
        }, lag);
        Map<String, Long> cpuAfter = cpu();
        lag.finish();
        report(filing, lag);
        lag.printStages(admin);
        System.out.printf("  CPU ms per filing: %s%n", cpuSpent(cpuBefore, cpuAfter, filing.requests()));
        topStatements("filing");
        perRequest("filing", filing);
        indexerBatches(filing);

        taskQueue.clear();
        taskQueue.addAll(acceptTasks(grid));
        System.out.printf("%ncompleting 受理: %d threads, up to %d s, %d tasks waiting (machine load %s)%n", threads, seconds,
                taskQueue.size(), loadAverage());
        resetStatements();
        cpuBefore = cpu();
        Result completing = drive("completing POST /api/tasks/{id}/complete", seconds, i -> complete(grid, taskQueue), null);
        cpuAfter = cpu();
        report(completing, null);
        System.out.printf("  CPU ms per completion: %s%n", cpuSpent(cpuBefore, cpuAfter, completing.requests()));
        topStatements("completing");
        perRequest("completing", completing);
        jfr("JFR.stop", "name=load");

        int engineSeconds = Math.min(20, seconds);
        System.out.printf("%nbare engine: a trivial process started from %d threads for %d s (machine load %s)%n", threads,
                engineSeconds, loadAverage());
        resetStatements();
        HttpResponse<String> bare = send("POST", "/api/admin/bench/engine?seconds=" + engineSeconds + "&threads=" + threads,
                admin, null);
        JsonNode engine = JSON.readTree(bare.body());
        double engineRate = engine.path("perSecond").asDouble();
        System.out.printf("  bare engine start: %.0f instances/s (%d in %.1f s)%n", engineRate, engine.path("instances").asInt(),
                engine.path("seconds").asDouble());
        csv.add("bare engine start,%d,%.1f,%d,0,%.1f,,,,,,,,".formatted(threads, engine.path("seconds").asDouble(),
                engine.path("instances").asInt(), engineRate));
        System.out.printf("%nfiling is %.0f %% of the bare engine's start rate%n", 100 * filing.rate() / engineRate);
    }

    // ---------------------------------------------------------------- the calls

    private final AtomicInteger serial = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> taskQueue = new ConcurrentLinkedQueue<>();
    private static final String[] WHAT = {"自来水管破裂", "路灯不亮", "垃圾没人清运", "村道塌方", "水渠堵塞", "低保申请没回音"};

    /** Files one report; every case's id word is unique so the index-lag sampler can find it. */
    private int file(String token, int i, List<String> filed) throws IOException, InterruptedException {
        int n = serial.incrementAndGet();
        String word = marker(n);
        String body = JSON.writeValueAsString(Map.of("title", WHAT[n % WHAT.length] + " " + n,
                "description", "压测第 " + n + " 件：" + WHAT[n % WHAT.length] + "，请尽快处理。 " + word,
                "category", n % 2 == 0 ? "water" : "road"));
        HttpResponse<String> r = send("POST", "/api/cases", token, body);
        if (r.statusCode() == 201) {
            String number = JSON.readTree(r.body()).path("number").asText();
            synchronized (filed) {
                filed.add(number);
            }
            lastFiled.set(new String[] {word, number});
        }
        return r.statusCode();
    }

    /** The serial of the case this thread filed last, for the index-lag sampler. */
    private final ThreadLocal<String[]> lastFiled = new ThreadLocal<>();

    /** A word made of letters only, unique per case: the analysers keep it as one token. */
    static String marker(int n) {
        StringBuilder s = new StringBuilder("zq");
        for (int v = n; v > 0; v /= 26) {
            s.append((char) ('a' + v % 26));
        }
        return s.toString();
    }

    private int complete(String token, ConcurrentLinkedQueue<String> queue) throws IOException, InterruptedException {
        String task = queue.poll();
        if (task == null) {
            return -1; // nothing left: the phase ends
        }
        return send("POST", "/api/tasks/" + task + "/complete", token, "{\"outcome\":\"accept\",\"urgency\":\"general\"}")
                .statusCode();
    }

    private List<String> acceptTasks(String token) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int from = 0; ; from += 500) {
            JsonNode page = JSON.readTree(send("GET", "/api/tasks?stage=accept&size=500&from=" + from, token, null).body());
            page.forEach(t -> ids.add(t.path("id").asText()));
            if (page.size() < 500) {
                return ids;
            }
        }
    }

    // ---------------------------------------------------------------- driving and counting

    interface Call {
        int run(int i) throws Exception;
    }

    record Result(String phase, int requests, int errors, double seconds, long[] micros) {
        double rate() {
            return requests / seconds;
        }

        double pct(double p) {
            return micros.length == 0 ? 0 : micros[Math.min(micros.length - 1, (int) Math.ceil(micros.length * p) - 1)] / 1000.0;
        }
    }

    Result drive(String phase, int forSeconds, Call call, IndexLag lag) throws InterruptedException {
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(forSeconds);
        CountDownLatch done = new CountDownLatch(threads);
        long started = System.nanoTime();
        AtomicLong ended = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 20];
                int n = 0;
                try {
                    while (System.nanoTime() < stop) {
                        int i = count.getAndIncrement();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = call.run(i);
                        } catch (Exception e) {
                            status = 0;
                        }
                        if (status == -1) {
                            break;
                        }
                        long now = System.nanoTime();
                        mine[n++] = (now - t0) / 1000;
                        if (status < 200 || status >= 300) {
                            if (errors.incrementAndGet() <= 5) {
                                System.out.printf("  %s: HTTP %d%n", phase, status);
                            }
                        } else if (lag != null) {
                            lag.filed(lastFiled.get(), now);
                        }
                    }
                } finally {
                    samples.add(java.util.Arrays.copyOf(mine, n));
                    ended.accumulateAndGet(System.nanoTime(), Math::max);
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        long[] all = samples.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        Result r = new Result(phase, all.length, errors.get(), (ended.get() - started) / 1e9, all);
        if (phase.startsWith("warm-up")) {
            System.out.printf("  %s: %d requests, %.0f/s, %d errors%n", phase, r.requests(), r.rate(), r.errors());
        }
        return r;
    }

    void report(Result r, IndexLag lag) {
        System.out.printf("  %-42s %7.1f /s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %7.1f ms  errors %d (%d requests in %.1f s)%n",
                r.phase(), r.rate(), r.pct(0.5), r.pct(0.95), r.pct(0.99), r.pct(1.0), r.errors(), r.requests(), r.seconds());
        String lagCols = ",,,";
        if (lag != null) {
            long[] l = lag.sorted();
            System.out.printf("  %-42s %d sampled, p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  max %6.0f ms  not found %d%n",
                    "index lag (201 → found by /api/search)", l.length, pct(l, 0.5), pct(l, 0.95), pct(l, 0.99), pct(l, 1.0),
                    lag.missing());
            lagCols = "%d,%.0f,%.0f,%.0f".formatted(l.length, pct(l, 0.5), pct(l, 0.95), pct(l, 0.99));
        }
        csv.add("%s,%d,%.1f,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%s".formatted(r.phase().replace(',', ' '), threads, r.seconds(),
                r.requests(), r.errors(), r.rate(), r.pct(0.5), r.pct(0.95), r.pct(0.99), r.pct(1.0), lagCols));
    }

    private static double pct(long[] sortedMillis, double p) {
        return sortedMillis.length == 0 ? 0 : sortedMillis[Math.min(sortedMillis.length - 1, (int) Math.ceil(sortedMillis.length * p) - 1)];
    }

    /**
     * Every 25th filed case is followed until {@code /api/search} finds it; lag = found − 201 (epoch milliseconds, the
     * app runs on the same box). On the way it is split in stages: the outbox indexer's own timestamps (row written —
     * the filing transaction's start —, picked, bulk sent, acknowledged; from {@code /api/admin/bench/index-trace},
     * absent from builds before the 7th session), visible in Elasticsearch (one {@code ids} search straight to
     * Elasticsearch for every pending case each 20 ms: cheap, and not the app's search), and found by the app's search
     * (asked only once Elasticsearch shows the case, so the benchmark's own polling does not load the app while it
     * waits; each search's time is printed as its own stage).
     */
    final class IndexLag {
        private final String token;
        private final ScheduledExecutorService visibility = Executors.newSingleThreadScheduledExecutor();
        private final ScheduledExecutorService searchers = Executors.newScheduledThreadPool(4);
        private final Map<String, Sample> waiting = new java.util.concurrent.ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Sample> done = new ConcurrentLinkedQueue<>();
        /** Every 5th case is followed until Elasticsearch shows it; every 25th also until /api/search finds it. */
        private final ConcurrentLinkedQueue<Sample> visibleOnly = new ConcurrentLinkedQueue<>();
        private final AtomicInteger missing = new AtomicInteger();
        private final AtomicInteger seen = new AtomicInteger();
        private final AtomicInteger pending = new AtomicInteger();

        final class Sample {
            final String word;
            final String number;
            final long created;
            volatile long visible;
            volatile long visibleAnswered;
            volatile long searchSent;
            volatile long found;
            volatile int searches;
            boolean searched;

            Sample(String word, String number, long created) {
                this.word = word;
                this.number = number;
                this.created = created;
            }
        }

        IndexLag(String token) {
            this.token = token;
            visibility.scheduleWithFixedDelay(this::checkVisible, 20, 20, TimeUnit.MILLISECONDS);
        }

        void filed(String[] wordAndNumber, long nanoIgnored) {
            long at = System.currentTimeMillis();
            int n = seen.incrementAndGet();
            if (n % 5 != 0 || wordAndNumber == null) {
                return;
            }
            pending.incrementAndGet();
            Sample sample = new Sample(wordAndNumber[0], wordAndNumber[1], at);
            sample.searched = n % 25 == 0;
            waiting.put(wordAndNumber[1], sample);
        }

        /** One search straight to Elasticsearch for every case not yet visible. */
        private void checkVisible() {
            try {
                if (waiting.isEmpty() || esPort == 0) {
                    return;
                }
                long sent = System.currentTimeMillis();
                List<String> numbers = List.copyOf(waiting.keySet());
                String body = JSON.writeValueAsString(Map.of("size", numbers.size(), "_source", false,
                        "query", Map.of("ids", Map.of("values", numbers))));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + esPort
                                + "/cases/_search")).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 200) {
                    return;
                }
                long answered = System.currentTimeMillis();
                for (JsonNode hit : JSON.readTree(r.body()).path("hits").path("hits")) {
                    Sample sample = waiting.remove(hit.path("_id").asText());
                    if (sample != null) {
                        sample.visible = sent;
                        sample.visibleAnswered = answered;
                        if (sample.searched) {
                            search(sample, 0);
                        } else {
                            visibleOnly.add(sample);
                            pending.decrementAndGet();
                        }
                    }
                }
                for (Sample sample : waiting.values()) {
                    if (sent - sample.created > 60_000 && waiting.remove(sample.number) != null) {
                        missing.incrementAndGet();
                        pending.decrementAndGet();
                    }
                }
            } catch (Exception e) {
                // Elasticsearch busy: the next check tries again
            }
        }

        private void search(Sample sample, long delayMillis) {
            searchers.schedule(() -> {
                try {
                    long sent = System.currentTimeMillis();
                    sample.searches++;
                    HttpResponse<String> r = send("GET", "/api/search?size=1&q=" + sample.word, token, null);
                    boolean found = r.statusCode() == 200 && JSON.readTree(r.body()).path("total").asLong() > 0
                            && r.body().contains(sample.number);
                    long now = System.currentTimeMillis();
                    if (found) {
                        sample.searchSent = sent;
                        sample.found = now;
                        done.add(sample);
                        pending.decrementAndGet();
                    } else if (now - sample.created > 60_000) {
                        missing.incrementAndGet();
                        pending.decrementAndGet();
                    } else {
                        search(sample, 50);
                    }
                } catch (Exception e) {
                    search(sample, 50);
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        }

        void finish() throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(70);
            while (pending.get() > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            visibility.shutdownNow();
            searchers.shutdownNow();
        }

        long[] sorted() {
            return done.stream().mapToLong(x -> x.found - x.created).sorted().toArray();
        }

        int missing() {
            return missing.get() + pending.get();
        }

        /** Prints the lag's stages per case (p50 / p95 / p99 / max of each), with the indexer's own timestamps. */
        void printStages(String admin) {
            List<Sample> searched = List.copyOf(done);
            List<Sample> samples = new ArrayList<>(searched);
            samples.addAll(visibleOnly);
            if (samples.isEmpty()) {
                return;
            }
            Map<String, JsonNode> trace = new java.util.HashMap<>();
            try {
                HttpResponse<String> r = send("POST", "/api/admin/bench/index-trace", admin,
                        JSON.writeValueAsString(samples.stream().map(x -> x.number).toList()));
                if (r.statusCode() == 200) {
                    JSON.readTree(r.body()).properties().forEach(e -> trace.put(e.getKey(), e.getValue()));
                }
            } catch (Exception e) {
                System.out.println("  (no indexer trace: " + e.getMessage() + ")");
            }
            System.out.printf("  index lag by stage, ms (%d samples, %d with the indexer's trace, %d searched): p50 / p95 / p99 / max%n",
                    samples.size(), trace.size(), searched.size());
            java.util.function.BiConsumer<String, java.util.function.ToLongFunction<Sample>> stage = (name, f) -> {
                long[] v = samples.stream().filter(x -> !name.contains("indexer") || trace.containsKey(x.number))
                        .filter(x -> x.found > 0 || !name.contains("/api/search"))
                        .mapToLong(f).sorted().toArray();
                if (v.length > 0) {
                    System.out.printf("    %-46s %6.0f / %6.0f / %6.0f / %6.0f%n", name, pct(v, 0.5), pct(v, 0.95),
                            pct(v, 0.99), pct(v, 1.0));
                    csv.add("index lag stage: %s,,,%d,,,%.0f,%.0f,%.0f,%.0f,,,,".formatted(name, v.length, pct(v, 0.5),
                            pct(v, 0.95), pct(v, 0.99), pct(v, 1.0)));
                }
            };
            java.util.function.BiFunction<Sample, String, Long> at = (x, field) -> trace.get(x.number).path(field).asLong();
            stage.accept("indexer: row written (tx start) → 201", x -> x.created - at.apply(x, "rowWritten"));
            stage.accept("indexer: 201 → picked from the outbox", x -> at.apply(x, "picked") - x.created);
            stage.accept("indexer: picked → bulk sent (read, build)", x -> at.apply(x, "sent") - at.apply(x, "picked"));
            stage.accept("indexer: bulk sent → acknowledged", x -> at.apply(x, "acknowledged") - at.apply(x, "sent"));
            stage.accept("indexer: acknowledged → visible (refresh)", x -> x.visible - at.apply(x, "acknowledged"));
            stage.accept("201 → visible in Elasticsearch", x -> x.visible - x.created);
            stage.accept("the visibility check's own time", x -> x.visibleAnswered - x.visible);
            stage.accept("visible → /api/search sent", x -> x.searchSent - x.visible);
            stage.accept("/api/search request (the finding one)", x -> x.found - x.searchSent);
            stage.accept("201 → found by /api/search", x -> x.found - x.created);
            System.out.printf("    /api/search requests per searched sample: %.1f%n", searched.stream().mapToInt(x -> x.searches).average()
                    .orElse(0));
        }
    }

    // ---------------------------------------------------------------- HTTP and PostgreSQL

    HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String token(String user) throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":minqing").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send("POST", "/api/tokens", basic, "{\"name\":\"load benchmark\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("no token for " + user + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return "Bearer " + JSON.readTree(r.body()).path("token").asText();
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "postgres");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private String postgresSettings() throws SQLException {
        StringBuilder s = new StringBuilder();
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select name, setting, unit from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes',
                  'shared_buffers', 'wal_buffers', 'commit_delay', 'max_wal_size', 'checkpoint_timeout', 'wal_writer_delay')
                 order by name""")) {
            while (rs.next()) {
                s.append(rs.getString(1)).append('=').append(rs.getString(2))
                        .append(rs.getString(3) == null ? "" : rs.getString(3)).append(' ');
            }
        }
        return s.toString().strip();
    }

    private void resetStatements() throws SQLException {
        sql("select pg_stat_statements_reset()");
    }

    private void topStatements(String phase) throws SQLException {
        int top = Integer.getInteger("topStatements", 12);
        System.out.printf("  PostgreSQL's top %d statements during %s (total ms, calls, mean ms, rows):%n", top, phase);
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select total_exec_time, calls, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                  from pg_stat_statements order by total_exec_time desc limit %d""".formatted(top))) {
            while (rs.next()) {
                String query = rs.getString(5);
                System.out.printf("    %9.0f %8d %7.2f %8d  %s%n", rs.getDouble(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4),
                        query.length() > 110 ? query.substring(0, 110) + "…" : query);
                statementsCsv.add("%s,%.1f,%d,%.3f,%d,\"%s\"".formatted(phase, rs.getDouble(1), rs.getLong(2), rs.getDouble(3),
                        rs.getLong(4), query.replace("\"", "\"\"")));
            }
        }
    }

    /** How many batches the outbox indexer shipped during the phase (its locking read of the outbox, counted). */
    private void indexerBatches(Result result) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select coalesce(sum(calls), 0), coalesce(sum(rows), 0) from pg_stat_statements
                 where query like '%from minqing.search_outbox%for update skip locked%'""")) {
            rs.next();
            long polls = rs.getLong(1);
            System.out.printf("  outbox indexer: %d reads of the outbox (%.1f /s), %d rows taken, %.1f filings per read%n", polls,
                    polls / result.seconds(), rs.getLong(2), polls == 0 ? 0 : result.requests() / (double) polls);
            csv.add("outbox indexer reads during filing,,%.1f,%d,,%.1f,,,,,,,,".formatted(result.seconds(), polls,
                    polls / result.seconds()));
        }
    }

    /**
     * The database's work per request of the phase, whatever the machine's load: statements (the indexer's and the
     * schedulers' included), rows they returned or changed, and write-ahead log bytes (what fsync waits for).
     */
    private void perRequest(String phase, Result result) throws SQLException {
        if (result.requests() == 0) {
            return;
        }
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select sum(calls), sum(rows), sum(wal_bytes), sum(wal_records) from pg_stat_statements""")) {
            rs.next();
            double n = result.requests();
            System.out.printf("  per request during %s: %.1f statements, %.1f rows, %.0f WAL bytes in %.1f WAL records%n",
                    phase, rs.getLong(1) / n, rs.getLong(2) / n, rs.getDouble(3) / n, rs.getLong(4) / n);
            statementsCsv.add("%s per request,,%.1f,,%.1f,\"wal bytes %.0f, wal records %.1f\"".formatted(phase,
                    rs.getLong(1) / n, rs.getLong(2) / n, rs.getDouble(3) / n, rs.getLong(4) / n));
        }
    }

    void writeCsv() throws IOException {
        Path file = OUT.resolve("run-" + RUN + ".csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("phase,threads,seconds,requests,errors,per_second,p50_ms,p95_ms,p99_ms,max_ms,lag_samples,lag_p50_ms,lag_p95_ms,lag_p99_ms");
            csv.forEach(w::println);
        }
        Path statements = OUT.resolve("run-" + RUN + "-statements.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(statements))) {
            w.println("phase,total_ms,calls,mean_ms,rows,query");
            statementsCsv.forEach(w::println);
        }
        System.out.printf("%nwrote %s and %s%n", file, statements);
    }

    /** Starts or stops the app's flight recording around the measured phases (-Djfr=true), with the JDK's jcmd. */
    private void jfr(String... command) throws IOException, InterruptedException {
        if (!Boolean.getBoolean("jfr")) {
            return;
        }
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(appPid)));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /**
     * CPU time (ms, user + system) used so far by each part of the run on this box: the app's JVM, its PostgreSQL
     * and its Elasticsearch (the app's descendants and the processes whose command line names this run's data
     * directory), and this client. Differences between two readings say where a phase's CPU went, whatever the
     * machine's load.
     */
    private Map<String, Long> cpu() {
        Map<String, Long> used = new java.util.TreeMap<>();
        String dataDir = OUT.resolve("data-" + RUN).toAbsolutePath().toString();
        Map<Long, Long> parent = new java.util.HashMap<>();
        Map<Long, String[]> stat = new java.util.HashMap<>();
        Map<Long, String> cmdline = new java.util.HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String line = Files.readString(dir.resolve("stat"));
                    String comm = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
                    String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name);
                    parent.put(pid, Long.parseLong(rest[1]));
                    stat.put(pid, new String[] {comm, rest[11], rest[12]});
                    cmdline.put(pid, Files.readString(dir.resolve("cmdline")).replace('\0', ' '));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            return used;
        }
        long self = ProcessHandle.current().pid();
        long tick = 10; // USER_HZ is 100 on Linux: a tick is 10 ms
        for (Map.Entry<Long, String[]> e : stat.entrySet()) {
            long pid = e.getKey();
            String part = null;
            for (long p = pid; p > 1 && part == null; p = parent.getOrDefault(p, 0L)) {
                if (p == appPid || cmdline.getOrDefault(p, "").contains(dataDir)) {
                    part = "app";
                } else if (p == self) {
                    part = "client";
                }
            }
            if (part == null) {
                continue;
            }
            String comm = e.getValue()[0];
            if (pid == appPid) {
                part = "app";
            } else if (part.equals("app") && comm.startsWith("postgres")) {
                part = "postgres";
            } else if (part.equals("app") && cmdline.getOrDefault(pid, "").contains("org.elasticsearch")) {
                part = "elasticsearch";
            } else if (part.equals("app") && pid != appPid) {
                part = "other";
            }
            used.merge(part, (Long.parseLong(e.getValue()[1]) + Long.parseLong(e.getValue()[2])) * tick, Long::sum);
        }
        return used;
    }

    private static String cpuSpent(Map<String, Long> before, Map<String, Long> after, int requests) {
        StringBuilder line = new StringBuilder();
        for (String part : List.of("app", "postgres", "elasticsearch", "client", "other")) {
            long ms = after.getOrDefault(part, 0L) - before.getOrDefault(part, 0L);
            line.append("%s %.1f".formatted(part, requests == 0 ? 0.0 : (double) ms / requests)).append("  ");
        }
        return line.toString().trim();
    }

    /** The machine's 1/5/15-minute load average: other work on the box skews every figure. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
