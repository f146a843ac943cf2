package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The numbers agree: per township, cases received, the resolution rate and open cases computed from
 * PostgreSQL equal those aggregated from Elasticsearch over the same data (the demo county and
 * everything the other tests filed), once the outbox has drained.
 */
class IndicatorsAgreeTest extends ApiTest {

    @Autowired
    Indicators indicators;
    @Autowired
    IndexedIndicators indexed;

    @Test
    void postgresAndElasticsearchTellTheSameStory() throws Exception {
        await(java.time.Duration.ofSeconds(30), "admin", "/actuator/health",
                h -> h.at("/components/searchOutbox/details/backlog").asLong() == 0);
        sleep(1500);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.now(zone);
        var start = from.atStartOfDay(zone).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();

        Map<String, IndicatorValues> sql = indicators.compute(new StatsQuery("QS", null, null, from, to, "township"), start, end);
        Map<String, IndexedIndicators.Counts> es = indexed.byTownship("QS", start, end);

        assertThat(es.keySet()).containsExactlyInAnyOrderElementsOf(sql.keySet());
        sql.forEach((township, values) -> {
            IndexedIndicators.Counts counts = es.get(township);
            assertThat(counts.received()).as(township + " received").isEqualTo(values.receivedCount());
            assertThat(counts.resolutionRate()).as(township + " resolution rate").isEqualTo(values.resolutionRate());
            assertThat(counts.open()).as(township + " open").isEqualTo(values.openCount());
        });
        assertThat(sql.values().stream().mapToLong(IndicatorValues::receivedCount).sum()).isPositive();
    }
}
