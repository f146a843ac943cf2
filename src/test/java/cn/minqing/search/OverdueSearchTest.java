package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Only overdue" follows the clock: an open case whose deadline passes after it was indexed is overdue. */
class OverdueSearchTest extends ApiTest {

    @Autowired
    ElasticsearchClient client;
    @Autowired
    cn.minqing.cases.Cases cases;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anOpenCaseBecomesOverdueWhenItsDeadlinePassesWithoutBeingIndexedAgain() throws Exception {
        String number = file("villager1", "小学门口的减速带坏了", "小学门口的减速带被压坏了，车开得很快，孩子上学不安全", "road");
        JsonNode task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0);
        assertThat(post("grid1", "/api/tasks/" + task.get("id").asText() + "/complete", Map.of("outcome", "accept"))
                .getStatusCode().value()).isEqualTo(200);
        // wait until the index holds the case's last state (every change shipped), so nothing overwrites ours
        // (this case's outbox rows, not the whole backlog: another test's stuck row must not matter here)
        long version = cases.byNumbers(java.util.List.of(number)).get(0).version();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from minqing.search_outbox where case_number = ?").param(number).query(Long.class).single() > 0
                || client.get(g -> g.index("cases").id(number), Map.class).version() != version) {
            assertThat(System.nanoTime()).as("the index holds " + number + " at version " + version + " within 30 s")
                    .isLessThan(deadline);
            sleep(200);
        }
        var doc = client.get(g -> g.index("cases").id(number), Map.class);
        assertThat(doc.found() && doc.version() == version).as("the index holds the case's last state").isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> original = doc.source();
        assertThat(original.get("overdue")).isEqualTo(false);

        // the index as it stands when the deadline has passed: the stored flag still says "on time"
        Map<String, Object> source = new java.util.HashMap<>(original);
        source.put("resolveDue", OffsetDateTime.now().minusHours(1).toString());
        write(number, version, source);
        try {
            JsonNode overdue = get("admin", "/api/search?overdue=true&size=5&q=减速带").getBody();
            assertThat(overdue.findValuesAsText("number")).contains(number);
            JsonNode hit = java.util.stream.StreamSupport.stream(overdue.get("hits").spliterator(), false)
                    .filter(h -> h.get("number").asText().equals(number)).findFirst().orElseThrow();
            assertThat(hit.get("overdue").asBoolean()).isTrue();
            assertThat(get("admin", "/api/search?overdue=false&size=50&q=减速带").getBody().findValuesAsText("number"))
                    .doesNotContain(number);
        } finally {
            // the shared index gets the case back as PostgreSQL has it, so no later test sees the made-up deadline
            write(number, version, original);
        }
        assertThat(get("admin", "/api/search?overdue=true&size=50&q=减速带").getBody().findValuesAsText("number"))
                .as("restored").doesNotContain(number);
    }

    private void write(String number, long version, Map<String, Object> source) throws java.io.IOException {
        client.index(i -> i.index("cases").id(number).version(version).versionType(VersionType.ExternalGte)
                .document(source).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
    }
}
