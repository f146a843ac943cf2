package cn.minqing.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Looks at a server the app started every few seconds; when its process has died, restarts it,
 * again and again with a growing pause (first backoff, doubled up to the maximum) until it is back.
 * Meanwhile its health component is DOWN with the attempt count, and the rest of the app carries on:
 * reports are still accepted while Elasticsearch is away, and the search outbox ships them when it
 * returns. Health only reads the last judgement, so it never waits on the server.
 */
final class ServerWatchdog implements HealthIndicator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerWatchdog.class);

    /** What the watchdog last saw; downSince is null while the server runs. */
    private record State(Instant downSince, int attempts, Instant nextAttempt, String lastError,
                         int restarts, Instant lastRestart) {

        static final State RUNNING = new State(null, 0, null, null, 0, null);

        boolean down() {
            return downSince != null;
        }
    }

    private final SupervisedServer server;
    private final Duration checkEvery;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService executor;
    private volatile State state = State.RUNNING;
    private volatile boolean restarting;
    private volatile boolean closed;

    ServerWatchdog(SupervisedServer server, Duration checkEvery, Duration firstBackoff, Duration maxBackoff) {
        this.server = server;
        this.checkEvery = checkEvery;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "watchdog-" + server.getClass().getSimpleName());
            thread.setDaemon(true);
            return thread;
        });
    }

    ServerWatchdog start() {
        executor.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look: nothing to do while the server runs; otherwise restart it once its pause is over. */
    void check() {
        try {
            if (closed || server.isRunning()) {
                return;
            }
            State seen = state;
            Instant now = Instant.now();
            if (!seen.down()) {
                log.error("{} has died; restarting it", server.name());
                seen = new State(now, 0, now, null, seen.restarts(), seen.lastRestart());
                state = seen;
            }
            if (now.isBefore(seen.nextAttempt())) {
                return;
            }
            restartOnce(seen);
        } catch (RuntimeException e) {
            log.warn("The watchdog of {} failed to look: {}", server.name(), e.getMessage());
        }
    }

    private void restartOnce(State seen) {
        int attempt = seen.attempts() + 1;
        state = new State(seen.downSince(), attempt, seen.nextAttempt(), seen.lastError(), seen.restarts(), seen.lastRestart());
        restarting = true;
        try {
            server.restart();
            Instant now = Instant.now();
            log.warn("{} is back after {} restart attempt(s); it was down for {} s", server.name(), attempt,
                    Duration.between(seen.downSince(), now).toSeconds());
            state = new State(null, 0, null, null, seen.restarts() + 1, now);
        } catch (RuntimeException e) {
            Duration pause = backoff(attempt);
            log.warn("Restart attempt {} of {} failed ({}); next attempt in {} s", attempt, server.name(),
                    e.getMessage(), pause.toSeconds());
            state = new State(seen.downSince(), attempt, Instant.now().plus(pause), e.getMessage(),
                    seen.restarts(), seen.lastRestart());
        } finally {
            restarting = false;
        }
    }

    /** The pause after the given failed attempt: first backoff, doubled each time, capped. */
    Duration backoff(int attempt) {
        Duration pause = firstBackoff;
        for (int i = 1; i < attempt && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }

    @Override
    public Health health() {
        State s = state;
        Health.Builder health = s.down() ? Health.down() : Health.up();
        health.withDetail("server", server.name())
                .withDetail("state", s.down() ? (restarting ? "restarting" : "waiting to restart") : "running")
                .withDetail("restarts", s.restarts());
        if (s.lastRestart() != null) {
            health.withDetail("lastRestart", s.lastRestart().toString());
        }
        if (s.down()) {
            health.withDetail("downSince", s.downSince().toString()).withDetail("attempts", s.attempts());
            if (!restarting && s.nextAttempt() != null) {
                health.withDetail("nextAttemptInSeconds",
                        Math.max(0, Duration.between(Instant.now(), s.nextAttempt()).toSeconds()));
            }
            // the failure's text stays in the log: it names files, and health is open to everyone
        }
        return health.build();
    }

    /** Stops watching (before the server itself is stopped, so a shutdown is not taken for a death). */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
