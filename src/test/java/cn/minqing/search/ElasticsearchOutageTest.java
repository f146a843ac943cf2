package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With Elasticsearch stopped, reports are still accepted; once it is back, all of them are found. */
class ElasticsearchOutageTest extends ApiTest {

    @Test
    void reportsFiledWhileElasticsearchIsDownAreSearchableAfterItReturns() {
        TestServers.elasticsearch().close();
        List<String> filed = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                filed.add(file("villager1", "停电期间反映" + i, "宽带断网第" + i + "天，网课上不了", "telecom"));
            }
            JsonNode health = get("admin", "/actuator/health").getBody();
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/searchOutbox/details/backlog").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(get("villager1", "/api/search?q=宽带断网").getStatusCode().value()).isEqualTo(503);
        } finally {
            TestServers.elasticsearch().start();
        }

        JsonNode result = await(Duration.ofSeconds(30), "villager1", "/api/search?q=宽带断网网课&size=50",
                r -> r.has("hits") && r.get("hits").findValuesAsText("number").containsAll(filed));
        assertThat(result.get("hits").findValuesAsText("number")).containsAll(filed);
        JsonNode health = await(Duration.ofSeconds(10), "admin", "/actuator/health",
                h -> h.get("status").asText().equals("UP"));
        assertThat(health.at("/components/searchOutbox/details/backlog").asLong()).isZero();
    }
}
