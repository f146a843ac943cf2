package cn.minqing.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shows how many case changes wait for the index and how old the oldest is, and the stuck rows
 * (refused by Elasticsearch ten times, now retried on a slower schedule): how many, how old the
 * oldest, when the next retry is. Stuck rows are also reported by a WARN line every few minutes.
 * Never DOWN by itself: the index can always be rebuilt from PostgreSQL.
 */
@Component("searchOutbox")
class OutboxHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(OutboxHealth.class);
    private final JdbcClient jdbc;

    OutboxHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Backlog(long backlog, long stuck, Double oldestSeconds, Double oldestStuckSeconds,
                   Double nextStuckRetrySeconds) {
    }

    Backlog backlog() {
        return jdbc.sql("""
                select count(*) as backlog, count(*) filter (where attempts >= ?) as stuck,
                       extract(epoch from now() - min(created_at))::float8 as oldest_seconds,
                       extract(epoch from now() - min(created_at) filter (where attempts >= ?))::float8
                           as oldest_stuck_seconds,
                       extract(epoch from min(next_attempt_at) - now())::float8 as next_stuck_retry_seconds
                  from minqing.search_outbox
                """).param(OutboxIndexer.FAST_ATTEMPTS).param(OutboxIndexer.FAST_ATTEMPTS).query(Backlog.class).single();
    }

    @Override
    public Health health() {
        Backlog b = backlog();
        Health.Builder health = Health.up().withDetail("backlog", b.backlog()).withDetail("stuck", b.stuck())
                .withDetail("oldestSeconds", seconds(b.oldestSeconds()));
        if (b.stuck() > 0) {
            health.withDetail("oldestStuckSeconds", seconds(b.oldestStuckSeconds()))
                    .withDetail("nextStuckRetryInSeconds", Math.max(0, seconds(b.nextStuckRetrySeconds())));
        }
        return health.build();
    }

    /** Stuck rows are not left to be found by chance: say so in the log while there are any. */
    @Scheduled(fixedDelayString = "${minqing.search.stuck-report-ms:300000}", initialDelay = 60000)
    void reportStuck() {
        try {
            Backlog b = backlog();
            if (b.stuck() > 0) {
                log.warn("{} search outbox row(s) are stuck: Elasticsearch refused their cases ten times or more;"
                        + " the oldest was queued {} s ago, the next retry is in {} s (see the log for the reasons;"
                        + " POST /api/admin/search/rebuild re-indexes everything)", b.stuck(),
                        seconds(b.oldestStuckSeconds()), Math.max(0, seconds(b.nextStuckRetrySeconds())));
            }
        } catch (RuntimeException e) {
            log.debug("Could not count stuck outbox rows: {}", e.getMessage());
        }
    }

    private static long seconds(Double value) {
        return value == null ? 0 : Math.round(value);
    }
}
