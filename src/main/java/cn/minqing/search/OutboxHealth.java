package cn.minqing.search;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Shows how many case changes wait for the index, and how old the oldest is. Never DOWN by itself. */
@Component("searchOutbox")
class OutboxHealth implements HealthIndicator {

    private final JdbcClient jdbc;

    OutboxHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Backlog(long backlog, long stuck, Double oldestSeconds) {
    }

    @Override
    public Health health() {
        Backlog b = jdbc.sql("""
                select count(*) as backlog, count(*) filter (where attempts >= 10) as stuck,
                       extract(epoch from now() - min(created_at))::float8 as oldest_seconds
                  from minqing.search_outbox
                """).query(Backlog.class).single();
        return Health.up().withDetail("backlog", b.backlog()).withDetail("stuck", b.stuck())
                .withDetail("oldestSeconds", b.oldestSeconds() == null ? 0 : Math.round(b.oldestSeconds())).build();
    }
}
