package cn.minqing.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch installed from the integ-test-zip distribution, with the project's
 * Chinese analysis plugin. Elasticsearch refuses to run as root, so as root the node runs as an
 * unprivileged system user. Used by the default run and by the test run; plain Java, no Spring.
 * A {@link ServerWatchdog} restarts it when its process dies.
 */
public final class LocalElasticsearchNode implements SupervisedServer {

    /**
     * How long a start may take: about 7 s on an idle machine, but more than two minutes when many builds share the
     * cores; giving up early only means starting again.
     */
    private static final Duration START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("minqing.elasticsearch.start-seconds", 300)); // -D… on a very busy machine

    public static final String VERSION = "8.19.5";
    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearchNode.class);

    private Path baseDir;
    private final Path distribution;
    private final int httpPort;
    private final int transportPort;
    private final String heap;
    private boolean cleanData;
    private Process process;
    private Path home;

    public LocalElasticsearchNode(Path baseDir, Path distribution, int httpPort, String heap) {
        this(baseDir, distribution, httpPort, httpPort + 100, heap);
    }

    public LocalElasticsearchNode(Path baseDir, Path distribution, int httpPort, int transportPort, String heap) {
        this.baseDir = baseDir.toAbsolutePath();
        this.distribution = distribution;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.heap = heap;
    }

    /** Start from an empty data directory (tests); the default keeps the index between runs. */
    public LocalElasticsearchNode withCleanData() {
        this.cleanData = true;
        return this;
    }

    public int port() {
        return httpPort;
    }

    public String uri() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Installs the node and plugin if needed, starts it and waits until the cluster answers. */
    public synchronized LocalElasticsearchNode start() {
        try {
            NodeUser user = NodeUser.forCurrentProcess();
            baseDir = reachableBaseDir(user);
            home = new ElasticsearchInstaller(baseDir, distribution, user).install();
            stopLeftover(home);
            if (cleanData) {
                ElasticsearchInstaller.deleteTree(baseDir.resolve("data"));
                cleanData = false; // a restart keeps what the first start indexed
            }
            writeConfig(home);
            user.own(baseDir);
            process = launch(home, user);
            awaitHealthy(START_TIMEOUT);
            log.info("Elasticsearch {} is up at {} (home {})", VERSION, uri(), home);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the local Elasticsearch node: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "Elasticsearch at " + uri();
    }

    /**
     * True while the launcher and the node's own JVM (whose pid the node writes to its pid file) are
     * alive; a killed node JVM is noticed even if the launcher around it lingers.
     */
    @Override
    public synchronized boolean isRunning() {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try {
            Path pid = pidFile(home);
            if (!Files.exists(pid)) {
                return true; // still starting: the node writes its pid file once it runs
            }
            String text = Files.readString(pid).trim();
            return text.isEmpty() || ProcessHandle.of(Long.parseLong(text)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return true; // a half-written pid file: judge again at the next look
        }
    }

    /**
     * Stops what is left of the node and starts it again on the same installation, data, ports and
     * settings (nothing to install or hand over again: the quicker path while the app waits).
     */
    @Override
    public synchronized void restart() {
        if (home == null) {
            start();
            return;
        }
        close();
        try {
            stopLeftover(home);
            process = launch(home, NodeUser.forCurrentProcess());
            awaitHealthy(START_TIMEOUT);
            log.info("Elasticsearch {} is up again at {}", VERSION, uri());
        } catch (IOException e) {
            throw new IllegalStateException("Could not restart the local Elasticsearch node: " + e.getMessage(), e);
        }
    }

    /** The node's user must be able to enter every parent of its directory (a 0700 temp dir blocks it). */
    private Path reachableBaseDir(NodeUser user) throws IOException {
        Files.createDirectories(baseDir);
        if (user.canEnter(baseDir.getParent())) {
            return baseDir;
        }
        Path fallback = Path.of("/var/tmp/minqing-es", Integer.toHexString(baseDir.toString().hashCode()));
        log.info("The Elasticsearch user cannot enter {}; using {} instead", baseDir, fallback);
        return Files.createDirectories(fallback);
    }

    private void writeConfig(Path home) throws IOException {
        Path data = Files.createDirectories(baseDir.resolve("data"));
        Path logs = Files.createDirectories(baseDir.resolve("logs"));
        String yml = String.join("\n",
                "cluster.name: minqing",
                "node.name: minqing-local",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + data,
                "path.logs: " + logs,
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: true",
                "xpack.security.enabled: false",
                "xpack.security.autoconfiguration.enabled: false",
                "");
        Files.writeString(home.resolve("config/elasticsearch.yml"), yml);
    }

    private Process launch(Path home, NodeUser user) throws IOException {
        List<String> command = new ArrayList<>(user.wrap(List.of(
                home.resolve("bin/elasticsearch").toString(), "-p", pidFile(home).toString())));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.remove("JAVA_TOOL_OPTIONS");
        return builder.start();
    }

    private static Path pidFile(Path home) {
        return home.resolve("minqing-node.pid");
    }

    /** A node left running by a killed earlier run would hold the port and the data lock. */
    private void stopLeftover(Path home) throws IOException {
        Path pid = pidFile(home);
        if (!Files.exists(pid)) {
            return;
        }
        String text = Files.readString(pid).trim();
        Files.deleteIfExists(pid);
        if (text.isEmpty()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(text)).ifPresent(old -> {
            log.warn("Stopping Elasticsearch left running by an earlier run (pid {})", text);
            old.destroy();
            old.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri() + "/_cluster/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue()
                        + "; see " + baseDir.resolve("console.log"));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"red\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
            }
            sleep(300);
            if (Thread.currentThread().isInterrupted()) { // the app is shutting down during a (re)start
                close();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch");
            }
        }
        close();
        throw new IllegalStateException("Elasticsearch did not become healthy within " + timeout
                + "; see " + baseDir.resolve("console.log"));
    }

    /** Stops the node (and the user-switching wrapper around it) and waits for it to exit. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle handle : tree) {
            handle.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> { handle.destroyForcibly(); return handle; }).join();
        }
        process = null;
        log.info("Elasticsearch at {} stopped", uri());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Finds the distribution zip: an explicit path, the build's copy, or the local Maven repository. */
    public static Path findDistribution(String configured) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("target/elasticsearch-dist/elasticsearch-" + VERSION + ".zip"));
        candidates.add(Path.of(System.getProperty("user.home"), ".m2/repository/org/elasticsearch/distribution/"
                + "integ-test-zip/elasticsearch/" + VERSION + "/elasticsearch-" + VERSION + ".zip"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("No Elasticsearch " + VERSION + " distribution found in " + candidates
                        + ". Run 'mvn package' once, set minqing.elasticsearch.distribution, or point"
                        + " SPRING_ELASTICSEARCH_URIS at a running Elasticsearch."));
    }

    static InputStream pluginZip() {
        InputStream in = LocalElasticsearchNode.class.getResourceAsStream(
                "/es-plugin/minqing-analysis-" + VERSION + ".zip");
        if (in == null) {
            throw new IllegalStateException("The Chinese analysis plugin is not on the classpath; build with 'mvn package'");
        }
        return in;
    }
}
