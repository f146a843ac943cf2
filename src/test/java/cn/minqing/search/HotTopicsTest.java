package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rising needs per region and period, never counting another region's cases. */
class HotTopicsTest extends ApiTest {

    @Test
    void leadersSeeRisingCategoriesAndWordsInTheirScopeOnly() {
        long leaderBefore = count("leader1", "education");
        long otherTownshipBefore = count("staff-QS02", "education");
        String number = file("villager1", "校车停运", "村小的校车停运了，孩子们要走五公里山路上学", "education");
        await(Duration.ofSeconds(5), "admin", "/api/search?q=校车停运&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(number));

        JsonNode hot = get("leader1", "/api/search/hot-topics?days=30").getBody();
        assertThat(hot.get("categories").size()).isPositive();
        assertThat(hot.get("days").asInt()).isEqualTo(30);
        assertThat(hot.has("terms")).isTrue();
        assertThat(count("leader1", "education")).isEqualTo(leaderBefore + 1);
        assertThat(count("staff-QS02", "education")).isEqualTo(otherTownshipBefore);
        assertThat(get("villager1", "/api/search/hot-topics").getStatusCode().value()).isEqualTo(403);
    }

    private long count(String user, String category) {
        for (JsonNode c : get(user, "/api/search/hot-topics?days=30").getBody().get("categories")) {
            if (c.get("category").asText().equals(category)) {
                return c.get("count").asLong();
            }
        }
        return 0;
    }
}
