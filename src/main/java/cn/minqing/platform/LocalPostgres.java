package cn.minqing.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the zonky binaries. The default run keeps its data under
 * {@code ./data/postgres} with fsync and synchronous commit on; the test run uses a throw-away
 * directory with both off for speed. A durable server is restarted by a {@link ServerWatchdog}
 * when its postmaster dies: with fsync on, PostgreSQL's own crash recovery replays the WAL, so
 * every committed transaction is still there.
 */
public final class LocalPostgres implements SupervisedServer {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private final Path dataDir;
    private final boolean durable;
    private volatile EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDir, boolean durable, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.durable = durable;
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
            return new LocalPostgres(dataDir, durable, launch(dataDir, port, durable));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres launch(Path dataDir, int port, boolean durable) throws IOException {
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
                    .setServerConfig("full_page_writes", "on")
                    // the statements' own times, for the load benchmark and operators (create extension to read them)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            // initdb's defaults suit a laptop; these keep every commit on disk (issue 16's load benchmark):
            // more cache, a larger log buffer, fewer checkpoints (each one rewrites whole pages into the log)
            builder.setServerConfig("shared_buffers", "256MB").setServerConfig("wal_buffers", "16MB")
                    .setServerConfig("max_wal_size", "2GB").setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("checkpoint_completion_target", "0.9").setServerConfig("wal_compression", "on");
        }
        EmbeddedPostgres pg = builder.start();
        log.info("PostgreSQL is up at {} (data in {})", pg.getJdbcUrl("postgres", "postgres"), dataDir.toAbsolutePath());
        return pg;
    }

    @Override
    public String name() {
        return "PostgreSQL on port " + postgres.getPort();
    }

    /** True while the postmaster named in postmaster.pid lives. */
    @Override
    public boolean isRunning() {
        return postmasterPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            String first = Files.exists(pidFile) ? Files.readAllLines(pidFile).stream().findFirst().orElse("").strip() : "";
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the server again on the same data directory and port after its postmaster died. The
     * old instance is closed first (its pg_ctl stop fails harmlessly, and it releases zonky's lock on
     * the directory); PostgreSQL itself refuses to start while a server still uses the directory,
     * so a wrong judgement cannot give two servers one data directory. Only durable servers are
     * restarted: a throw-away one would start empty.
     */
    @Override
    public synchronized void restart() {
        if (!durable) {
            throw new IllegalStateException("a throw-away PostgreSQL is not restarted");
        }
        int port = postgres.getPort();
        close();
        try {
            postgres = launch(dataDir, port, true);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not restart PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
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
