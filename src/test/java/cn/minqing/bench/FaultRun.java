package cn.minqing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault run through the release jar (a program, not a test: it takes minutes). Starts {@code java -jar
 * target/minqing.jar} with the demo county in a throw-away data directory on free ports, and while N villagers file
 * reports (each with its own {@code Idempotency-Key}, retried with the same key whenever no answer came):
 * <ol>
 *   <li>kills the Elasticsearch node's JVM (kill -9): filing must go on, the app must restart the node;</li>
 *   <li>kills the app's JVM (kill -9) — its PostgreSQL and Elasticsearch are left running as orphans — and starts
 *   the jar again on the same data: the clients' retries must get the numbers their first tries may have been
 *   given.</li>
 * </ol>
 * Then checks that every report answered 201 is in PostgreSQL exactly once (one case per key, one key per case),
 * that the search outbox drains, and that Elasticsearch holds every case. Prints the figures with the load average
 * and exits 1 on any loss or duplicate.
 * <pre>mvn -B -ntp -q package -DskipTests &amp;&amp; mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.minqing.bench.FaultRun -Dexec.args="4 12"</pre>
 * Arguments: filing threads (4), seconds of filing before each kill (12).
 */
public final class FaultRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String TAG = "故障演练" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private final int threads;
    private final int seconds;
    private final Path data = Path.of("target", "fault", "run-" + System.currentTimeMillis()).toAbsolutePath();
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> numberByKey = new ConcurrentHashMap<>();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private int appPort;
    private int pgPort;
    private int esPort;
    private Process app;
    private String token;

    FaultRun(int threads, int seconds) {
        this.threads = threads;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        FaultRun run = new FaultRun(args.length > 0 ? Integer.parseInt(args[0]) : 4, args.length > 1 ? Integer.parseInt(args[1]) : 12);
        boolean ok;
        try {
            ok = run.run();
        } finally {
            run.stop();
        }
        System.exit(ok ? 0 : 1);
    }

    boolean run() throws Exception {
        Path jar = Path.of(System.getProperty("jar", "target/minqing.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -ntp -q package -DskipTests first");
        }
        Files.createDirectories(data);
        appPort = freePort();
        pgPort = freePort();
        esPort = freePort();
        command.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx768m", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + appPort, "--minqing.data-dir=" + data,
                "--minqing.embedded.postgres-port=" + pgPort, "--minqing.embedded.elasticsearch-port=" + esPort,
                "--minqing.embedded.elasticsearch-transport-port=" + freePort(), "--minqing.embedded.watch.check-every=1s",
                "--minqing.demo.enabled=true", "--minqing.demo.cases=10"));
        start("first start");
        token = issueToken();
        AtomicBoolean filing = new AtomicBoolean(true);
        List<Thread> filers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread filer = new Thread(() -> fileUntilStopped(thread, filing));
            filer.start();
            filers.add(filer);
        }
        Thread.sleep(seconds * 1000L);
        long esDown = System.nanoTime();
        ProcessHandle node = app.descendants().filter(p -> p.info().commandLine().orElse("").contains("org.elasticsearch.bootstrap.Elasticsearch"))
                .findFirst().orElseThrow();
        node.destroyForcibly();
        System.out.printf("kill -9 Elasticsearch (pid %d) with %d reports accepted; load %s%n", node.pid(), numberByKey.size(), load());
        awaitHealth("/components/elasticsearchNode/status", "UP", Duration.ofSeconds(180));
        System.out.printf("Elasticsearch back in %d s; load %s%n", Duration.ofNanos(System.nanoTime() - esDown).toSeconds(), load());
        Thread.sleep(seconds * 1000L);
        int beforeKill = numberByKey.size();
        app.destroyForcibly(); // SIGKILL: no shutdown hook, the servers stay behind as orphans
        app.waitFor(30, TimeUnit.SECONDS);
        long appDown = System.nanoTime();
        System.out.printf("kill -9 the app with %d reports accepted; load %s%n", beforeKill, load());
        start("restart after kill -9");
        System.out.printf("app answering again %d s after the kill; load %s%n", Duration.ofNanos(System.nanoTime() - appDown).toSeconds(), load());
        Thread.sleep(seconds * 1000L);
        filing.set(false);
        for (Thread filer : filers) {
            filer.join();
        }
        return verify();
    }

    /** Files reports with fresh keys; a request without an answer is sent again with its key until it is answered. */
    private void fileUntilStopped(int thread, AtomicBoolean filing) {
        for (int i = 0; filing.get(); i++) {
            String key = "fault-" + UUID.randomUUID();
            String body = "{\"title\":\"" + TAG + " " + thread + "-" + i + "\",\"category\":\"road\","
                    + "\"description\":\"村口道路塌陷，车辆无法通行（" + TAG + "）\"}";
            for (int attempt = 0; ; attempt++) {
                int status = post(key, body);
                if (status == 201 || status > 0 && status < 500 && status != 429) {
                    if (status != 201) {
                        refused.incrementAndGet();
                    }
                    break;
                }
                if (attempt == 0) {
                    retried.incrementAndGet();
                }
                pause(500); // no answer or a 5xx: the app is away; the same key again
            }
            pause(50);
        }
    }

    private int post(String key, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/cases")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                String number = JSON.readTree(r.body()).get("number").asText();
                String earlier = numberByKey.putIfAbsent(key, number);
                if (earlier != null && !earlier.equals(number)) {
                    System.out.println("DIFFERENT NUMBER for key " + key + ": " + earlier + " then " + number);
                }
            }
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean verify() throws Exception {
        List<String> numbers = List.copyOf(numberByKey.values());
        long distinct = numbers.stream().distinct().count();
        long inPostgres;
        long tagged;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "postgres");
             PreparedStatement byNumber = c.prepareStatement("select count(*) from minqing.case_record where number = any(?)");
             PreparedStatement byTag = c.prepareStatement("select count(*) from minqing.case_record where title like ?")) {
            byNumber.setArray(1, c.createArrayOf("varchar", numbers.toArray()));
            inPostgres = single(byNumber);
            byTag.setString(1, TAG + " %");
            tagged = single(byTag);
        }
        long drainedBy = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long backlog;
        long indexed;
        do {
            pause(1000);
            backlog = health().at("/components/searchOutbox/details/backlog").asLong(-1);
            indexed = countInIndex(numbers);
        } while ((backlog != 0 || indexed < numbers.size()) && System.nanoTime() < drainedBy);
        System.out.printf("%s: %d keys answered 201 (%d distinct numbers), %d sent again after no answer, %d refused;%n"
                        + "  in PostgreSQL: %d of the numbers, %d cases of this run in all; outbox backlog %d; in Elasticsearch %d; load %s%n",
                TAG, numberByKey.size(), distinct, retried.get(), refused.get(), inPostgres, tagged, backlog, indexed, load());
        boolean ok = distinct == numbers.size() && inPostgres == numbers.size() && tagged == numbers.size()
                && backlog == 0 && indexed == numbers.size() && refused.get() == 0;
        System.out.println(ok ? "FAULT RUN OK: every accepted report once, outbox drained, all searchable"
                : "FAULT RUN FAILED");
        return ok;
    }

    private void start(String what) throws Exception {
        Path log = data.resolve("app-" + System.currentTimeMillis() + ".log");
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (status("/actuator/health") != 200 || what.equals("first start") && !Files.readString(log).contains("Loaded the demo county")) {
            if (!app.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": the app did not start; see " + log);
            }
            pause(500);
        }
        System.out.printf("%s: up (log %s); load %s%n", what, log, load());
    }

    private String issueToken() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("villager1:minqing".getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"fault\",\"days\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asText();
    }

    private void awaitHealth(String pointer, String value, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!health().at(pointer).asText().equals(value)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pointer + " not " + value + " within " + limit);
            }
            pause(500);
        }
    }

    private JsonNode health() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:minqing".getBytes())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (Exception e) {
            return JSON.nullNode();
        }
    }

    private long countInIndex(List<String> numbers) {
        try {
            String query = JSON.writeValueAsString(Map.of("query", Map.of("ids", Map.of("values", numbers))));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + esPort + "/cases/_count"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).get("count").asLong() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Stops the app (which stops its servers) and whatever of it is left. */
    private void stop() throws Exception {
        if (app == null) {
            return;
        }
        List<ProcessHandle> tree = app.descendants().toList();
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        Path pidFile = data.resolve("postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static long single(PreparedStatement s) throws Exception {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + appPort + path);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
