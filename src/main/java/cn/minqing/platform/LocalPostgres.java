package cn.minqing.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the zonky binaries. The default run keeps its data under
 * {@code ./data/postgres} with fsync and synchronous commit on; the test run uses a throw-away
 * directory with both off for speed.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Durable: data survives restarts and every commit reaches the disk. */
    public static LocalPostgres durable(Path dataDir, int port) {
        return start(dataDir, port, true);
    }

    /** Throw-away: a fresh cluster on a free port, fsync off. */
    public static LocalPostgres scratch(Path dataDir) {
        return start(dataDir, 0, false);
    }

    private static LocalPostgres start(Path dataDir, int port, boolean durable) {
        try {
            stopLeftover(dataDir);
            if (!durable) {
                ElasticsearchInstaller.deleteTree(dataDir);
            }
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!durable)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            if (durable) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres pg = builder.start();
            log.info("PostgreSQL is up at {} (data in {})", pg.getJdbcUrl("postgres", "postgres"), dataDir.toAbsolutePath());
            return new LocalPostgres(pg);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** A server left running by a killed earlier run still holds the data directory: stop it first. */
    private static void stopLeftover(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (first.matches("\\d+")) {
            ProcessHandle.of(Long.parseLong(first)).ifPresent(old -> {
                log.warn("Stopping PostgreSQL left running by an earlier run (pid {})", first);
                old.destroy();
                old.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
