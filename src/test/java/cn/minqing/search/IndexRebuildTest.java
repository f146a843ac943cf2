package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IndexRebuildTest extends ApiTest {

    @Autowired
    SearchIndex index;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuildingMakesANewIndexFromPostgresAndSwapsTheAlias() throws Exception {
        String number = file("villager1", "水渠堵塞", "灌溉水渠被淤泥堵塞，秧田放不进水", "irrigation");
        await(Duration.ofSeconds(5), "admin", "/api/search?q=灌溉水渠淤泥",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        String before = index.currentIndices().iterator().next();

        JsonNode result = post("admin", "/api/admin/search/rebuild", Map.of()).getBody();

        assertThat(result.get("index").asText()).isNotEqualTo(before).startsWith("cases-");
        assertThat(index.currentIndices()).containsExactly(result.get("index").asText());
        long cases = jdbc.sql("select count(*) from minqing.case_record").query(Long.class).single();
        assertThat(result.get("documents").asLong()).isEqualTo(cases);
        assertThat(get("admin", "/api/search?q=灌溉水渠淤泥").getBody().get("hits").findValuesAsText("number"))
                .contains(number);
        assertThat(index.isOutdated()).as("the new index carries the current mapping's hash").isFalse();
    }

    @Test
    void overdueCasesCanBeFoundAndAreFlagged() {
        JsonNode overdue = get("admin", "/api/search?overdue=true&size=100").getBody();
        assertThat(overdue.get("hits").findValuesAsText("overdue")).as("overdue hits").isNotEmpty().allMatch("true"::equals);
        JsonNode onTime = get("admin", "/api/search?overdue=false&size=5").getBody();
        assertThat(onTime.get("hits").findValuesAsText("overdue")).as("on-time hits").isNotEmpty().allMatch("false"::equals);
        assertThat(overdue.get("total").asLong() + onTime.get("total").asLong())
                .isEqualTo(get("admin", "/api/search?size=1").getBody().get("total").asLong());
    }

    @Test
    void onlyAdminsMayRebuild() {
        assertThat(post("leader1", "/api/admin/search/rebuild", Map.of()).getStatusCode().value()).isEqualTo(403);
    }
}
