package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.GeneratedCases;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The numbers agree: per township, every indicator but the 90th percentile computed from
 * PostgreSQL equals the one aggregated from Elasticsearch over the same data, once the outbox has
 * drained: a generated year with every shape of case, the demo county and everything the other
 * tests filed.
 */
class IndicatorsAgreeTest extends ApiTest {

    @Autowired
    Indicators indicators;
    @Autowired
    IndexedIndicators indexed;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient elasticsearch;

    @Test
    void postgresAndElasticsearchTellTheSameStory() throws Exception {
        // a generated year (2024, before any demo or test case) with every shape of case the formulas count
        GeneratedCases.insert(jdbc, "QS-AGREE", 3000, LocalDate.of(2024, 12, 31).atTime(20, 0)
                .atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(), 365, true);
        GeneratedCases.addHotlineShapes(jdbc, "QS-AGREE"); // direct answers and extensions (issue 18)
        var health = await(java.time.Duration.ofSeconds(60), "admin", "/actuator/health",
                h -> h.at("/components/searchOutbox/details/backlog").asLong() == 0);
        assertThat(health.at("/components/searchOutbox/details/backlog").asLong()).as("the outbox drained").isZero();
        elasticsearch.indices().refresh(r -> r.index("cases"));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.now(zone);
        var start = from.atStartOfDay(zone).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();

        Map<String, IndicatorValues> sql = indicators.compute(new StatsQuery("QS", null, null, from, to, "township"), start, end);
        Map<String, IndicatorValues> es = indexed.byTownship("QS", start, end);

        assertThat(es.keySet()).containsExactlyInAnyOrderElementsOf(sql.keySet());
        sql.forEach((township, fromSql) -> {
            Map<String, Object> expected = new java.util.LinkedHashMap<>(fromSql.asMap());
            expected.remove("p90ResolutionHours");
            Map<String, Object> actual = new java.util.LinkedHashMap<>(es.get(township).asMap());
            actual.remove("p90ResolutionHours");
            assertThat(actual).as(township).isEqualTo(expected);
        });
        // the data must exercise every formula, or agreeing proves little
        assertThat(sql.values().stream().mapToLong(IndicatorValues::receivedCount).sum()).isGreaterThan(3000);
        assertThat(sql.values()).anySatisfy(v -> {
            assertThat(v.responseRate()).isBetween(0.01, 0.99);
            assertThat(v.returnRate()).isPositive();
        });
        assertThat(sql.values()).anySatisfy(v -> assertThat(v.reworkRate()).isPositive());
        assertThat(sql.values()).anySatisfy(v -> assertThat(v.satisfactionRate()).isBetween(0.01, 0.99));
        assertThat(sql.values()).anySatisfy(v -> assertThat(v.onTimeRate()).isBetween(0.01, 0.99));
        assertThat(sql.values()).anySatisfy(v -> assertThat(v.overdueCount()).isPositive());
        assertThat(sql.values()).anySatisfy(v -> assertThat(v.avgResolutionHours()).isNotNull());
        assertThat(sql.values()).anySatisfy(v -> assertThat(v.directAnswerRate()).isBetween(0.001, 0.5));
        assertThat(sql.values()).anySatisfy(v -> {
            assertThat(v.extensionRate()).isBetween(0.01, 0.5);
            assertThat(v.onTimeOriginalRate()).isLessThan(v.onTimeRate()); // late by the first deadline, not the approved
        });

        // the same check, as operators run it
        var check = get("admin", "/api/admin/stats/agreement?from=" + from + "&to=" + to).getBody();
        assertThat(check.get("agree").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("townships").asInt()).isEqualTo(sql.size());
        assertThat(get("leader1", "/api/admin/stats/agreement?from=" + from + "&to=" + to).getStatusCode().value()).isEqualTo(403);
        IndicatorValues some = sql.values().iterator().next();
        IndicatorValues oneMore = new IndicatorValues(some.receivedCount() + 1, some.responseRate(), some.onTimeRate(),
                some.resolutionRate(), some.satisfactionRate(), some.feedbackRate(), some.reworkRate(), some.returnRate(),
                some.supervisionCount(), some.openCount(), some.overdueCount(), some.avgResolutionHours(), null,
                some.supportersPerCase(), some.directAnswerRate(), some.extensionRate(), some.onTimeOriginalRate(),
                some.deferredCount(), some.deferralRate());
        assertThat(IndicatorsAgreement.difference("QS01", some, oneMore).indicators()).containsOnlyKeys("receivedCount");
    }
}
