package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PlatformTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsUpWithDatabaseElasticsearchAndTheOutboxBacklog() {
        JsonNode health = get("admin", "/actuator/health").getBody();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/searchOutbox/details").has("backlog")).isTrue();
    }

    @Test
    void healthDetailsAreForAdminsOnly() {
        for (JsonNode health : new JsonNode[] {rest.getForEntity("/actuator/health", JsonNode.class).getBody(),
                get("villager1", "/actuator/health").getBody(), get("leader1", "/actuator/health").getBody()}) {
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.has("components")).as(health.toString()).isFalse();
        }
    }

    @Test
    void apiDocsAreOpenInTheDemo() {
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void camundaWebappsAndRestAreForAdminsOnly() {
        assertThat(get("villager1", "/engine-rest/engine").getStatusCode().value()).isEqualTo(403);
        assertThat(get("leader1", "/engine-rest/process-definition").getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(get("admin", "/engine-rest/process-definition?key=grassroots-case").getStatusCode().value()).isEqualTo(200);
        var camunda = as("villager1").getForEntity("/camunda/app/", String.class);
        assertThat(camunda.getStatusCode().value()).as(camunda.getHeaders() + "\n" + camunda.getBody()).isEqualTo(403);
    }

    @Test
    void theDemoCountyIsLoaded() {
        assertThat(count("select count(*) from minqing.region where level = 'township'")).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from minqing.region where level = 'village'")).isGreaterThanOrEqualTo(30);
        assertThat(count("select count(distinct status) from minqing.case_record")).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(distinct category_code) from minqing.case_record")).isEqualTo(16);
    }

    @Test
    void theTaskCompletionIndexExists() {
        assertThat(count("select count(*) from pg_indexes where indexname = 'minqing_act_ru_task_parent'")).isEqualTo(1);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
