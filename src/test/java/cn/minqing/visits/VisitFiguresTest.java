package cn.minqing.visits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of 民情走访: coverage and schedule from PostgreSQL; the cases behind them agree with the index. */
class VisitFiguresTest extends ApiTest {

    private static final String VILLAGE = "QS01005";
    private static final String MEMBER = "dangyuan-QS01005-1";

    @Test
    void coverageAndNeedsFromVisitsAgreeBetweenPostgresAndTheIndex() {
        String period = "from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
        JsonNode before = village(get("leader1", "/api/stats/visits?groupBy=village&" + period).getBody());
        JsonNode households = get(MEMBER, "/api/households?mine=true").getBody();
        long first = households.get(0).get("id").asLong();
        assertThat(post(MEMBER, "/api/visits", Map.of("household", first, "visitedAt", OffsetDateTime.now().toString(),
                "needs", List.of(Map.of("title", "屋顶漏雨", "description", "下雨天屋顶漏水", "category", "housing"),
                        Map.of("title", "药费报销不清楚", "description", "新农合报销比例", "category", "medical"))))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(post(MEMBER, "/api/visits", Map.of("household", first, "visitedAt", OffsetDateTime.now().toString(),
                "needs", List.of())).getStatusCode().value()).isEqualTo(201);

        JsonNode after = village(get("leader1", "/api/stats/visits?groupBy=village&" + period).getBody());
        assertThat(after.get("households").asLong()).isEqualTo(before.get("households").asLong());
        assertThat(after.get("visits").asLong()).isEqualTo(before.get("visits").asLong() + 2);
        assertThat(after.get("needsFromVisits").asLong()).isEqualTo(before.get("needsFromVisits").asLong() + 2);
        assertThat(after.get("householdsCovered").asLong()).isBetween(1L, after.get("households").asLong());
        assertThat(after.get("visitsOnSchedule").asLong()).isBetween(1L, after.get("visits").asLong());
        assertThat(after.get("coverage").asDouble()).isPositive();

        for (String groupBy : List.of("township", "village")) {
            JsonNode agreement = await(Duration.ofSeconds(10), "admin",
                    "/api/stats/visits/agreement?groupBy=" + groupBy + "&" + period, a -> a.get("agree").asBoolean());
            assertThat(agreement.get("postgres").get(groupBy.equals("village") ? VILLAGE : "QS01")
                    .get("fromVisits").asLong()).isGreaterThanOrEqualTo(2);
        }
        assertThat(get("villager1", "/api/stats/visits?" + period).getStatusCode().value()).isEqualTo(403);
        JsonNode outside = get("grid1", "/api/stats/visits?region=QS02&" + period).getBody();
        assertThat(outside.get("errors").findValuesAsText("field")).containsExactly("region");
    }

    private static JsonNode village(JsonNode rows) {
        for (JsonNode row : rows) {
            if (row.get("code").asText().equals(VILLAGE)) {
                return row;
            }
        }
        throw new AssertionError("no " + VILLAGE + " in " + rows);
    }
}
