package cn.minqing.visits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * 来源: needs found on visits are found in search by {@code channel=visit} (the API, the search page's filter and
 * facet, the dashboard's drill-down), within each one's scope, and count in hot topics.
 */
class VisitChannelSearchTest extends ApiTest {

    private static final String VILLAGE = "QS03004";
    private static final String MEMBER = "dangyuan-" + VILLAGE + "-1";

    @Test
    void casesFoundOnVisitsAreFoundByTheirChannelWithinScope() {
        String word = "磨坊" + System.nanoTime() % 100_000;
        long before = hotCount("leader1", VILLAGE, "road");
        long id = get(MEMBER, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        ResponseEntity<JsonNode> visit = post(MEMBER, "/api/visits", Map.of("household", id,
                "visitedAt", OffsetDateTime.now().toString(), "met", "户主",
                "needs", List.of(Map.of("title", word + "门前路塌了", "description", word + "门前的村道塌了一段", "category", "road"),
                        Map.of("title", word + "旁边涵洞堵了", "description", word + "旁的涵洞被泥沙堵住", "category", "road",
                                "anonymous", true))));
        assertThat(visit.getStatusCode().value()).isEqualTo(201);
        List<String> fromVisit = List.of(visit.getBody().get("cases").get(0).asText(), visit.getBody().get("cases").get(1).asText());
        String byVillager = file("cunmin-" + VILLAGE + "-1", word + "那段路灯不亮", word + "那段村道的路灯坏了", "road");
        List<String> all = List.of(fromVisit.get(0), fromVisit.get(1), byVillager);
        await(Duration.ofSeconds(10), "admin", "/api/search?q=" + word + "&size=50",
                r -> r.get("hits").findValuesAsText("number").containsAll(all));

        List<String> visits = numbers("leader1", word);
        assertThat(visits).containsAll(fromVisit).doesNotContain(byVillager);
        for (String n : visits) { // relaxed or not, every hit was found on a visit
            assertThat(get("admin", "/api/cases/" + n).getBody().get("channel").asText()).as(n).isEqualTo("visit");
        }
        JsonNode app = get("leader1", "/api/search?q=" + word + "&channel=app&size=50").getBody();
        assertThat(app.get("hits").findValuesAsText("number")).contains(byVillager).doesNotContainAnyElementsOf(fromVisit);
        JsonNode facets = get("leader1", "/api/search?q=" + word + "&size=50").getBody().get("facets").get("channel");
        assertThat(facets.findValuesAsText("key")).contains("visit", "app");
        // within scope: the village's grid member and its township find them, another township and villagers do not
        assertThat(numbers("grid-" + VILLAGE, word)).containsAll(fromVisit);
        assertThat(numbers("staff-QS03", word)).containsAll(fromVisit);
        for (String user : List.of("township1", "grid1", "villager1", "villager2")) { // not the head: needs are filed for the head, whose own they are
            assertThat(numbers(user, word)).as(user).doesNotContainAnyElementsOf(fromVisit);
        }

        ResponseEntity<JsonNode> bad = get("leader1", "/api/search?q=" + word + "&channel=phone&size=500");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("channel", "size");

        // the search page: 来源 filter, the drill-down line, the facet
        String page = as("leader1").getForEntity("/search?q=" + word + "&channel=visit", String.class).getBody();
        assertThat(page).contains(fromVisit.get(0), fromVisit.get(1), "id=\"drill-channel\"", "走访发现")
                .doesNotContain(byVillager);
        String unfiltered = as("leader1").getForEntity("/search?q=" + word, String.class).getBody();
        assertThat(unfiltered).contains("id=\"channel-facets\"", "data-channel=\"visit\"", byVillager);

        // hot topics include needs found on visits
        assertThat(hotCount("leader1", VILLAGE, "road")).isEqualTo(before + 3);
    }

    private List<String> numbers(String user, String word) {
        JsonNode r = get(user, "/api/search?q=" + word + "&channel=visit&size=50").getBody();
        return r.get("hits").findValuesAsText("number");
    }

    private long hotCount(String user, String region, String category) {
        for (JsonNode c : get(user, "/api/search/hot-topics?days=30&region=" + region).getBody().get("categories")) {
            if (c.get("category").asText().equals(category)) {
                return c.get("count").asLong();
            }
        }
        return 0;
    }
}
