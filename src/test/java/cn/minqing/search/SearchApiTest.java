package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SearchApiTest extends ApiTest {

    @Test
    void aFiledReportIsFoundWithinFiveSecondsWithHighlights() {
        String number = file("villager1", "饮水管道破裂", "村里自来水管道破裂，饮水困难，已经两天了", "water");

        JsonNode result = await(Duration.ofSeconds(5), "grid1", "/api/search?q=自来水管道",
                r -> r.get("hits").findValuesAsText("number").contains(number));

        JsonNode hit = hitFor(result, number);
        assertThat(hit.get("village").asText()).isEqualTo("李家村");
        assertThat(hit.get("status").asText()).isEqualTo("received");
        assertThat(hit.get("highlight").toString()).contains("<em>");
        assertThat(result.get("total").asLong()).isPositive();
        assertThat(result.get("facets").has("category")).isTrue();
    }

    @Test
    void searchKeepsToTheCallersScope() {
        String number = file("villager2", "枫树坪桥头垃圾成堆", "桥头垃圾成堆发臭", "sanitation");
        await(Duration.ofSeconds(5), "admin", "/api/search?q=桥头垃圾成堆发臭",
                r -> r.get("hits").findValuesAsText("number").contains(number));

        assertThat(get("villager1", "/api/search?q=桥头垃圾成堆发臭").getBody().get("hits").findValuesAsText("number"))
                .doesNotContain(number);
        assertThat(get("grid1", "/api/search?q=桥头垃圾成堆发臭").getBody().get("hits").findValuesAsText("number"))
                .doesNotContain(number);
        assertThat(get("villager2", "/api/search?q=桥头垃圾成堆发臭").getBody().get("hits").findValuesAsText("number"))
                .contains(number);
    }

    @Test
    void filtersNarrowTheHits() {
        JsonNode result = get("admin", "/api/search?category=water&size=100").getBody();
        assertThat(result.get("hits").findValuesAsText("category")).isNotEmpty().allMatch("water"::equals);
    }

    @Test
    void aPageSizeOutOfRangeIsRefused() {
        assertThat(get("admin", "/api/search?q=水&size=1000").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void pagesFollowEachOtherWithSearchAfter() {
        JsonNode first = get("admin", "/api/search?size=5&sort=newest").getBody();
        String after = String.join(",", first.get("searchAfter").findValuesAsText(""));
        java.util.List<String> cursor = new java.util.ArrayList<>();
        first.get("searchAfter").forEach(v -> cursor.add(v.asText()));
        StringBuilder path = new StringBuilder("/api/search?size=5&sort=newest");
        cursor.forEach(v -> path.append("&after=").append(v));
        JsonNode second = get("admin", path.toString()).getBody();
        assertThat(second.get("hits").findValuesAsText("number"))
                .hasSize(5).doesNotContainAnyElementsOf(first.get("hits").findValuesAsText("number"));
        assertThat(after).isNotNull();
    }

    @Test
    void aQuotedPhraseMatchesExactly() {
        String exact = file("villager1", "渠道里有死鱼", "村东头灌溉渠道里漂着很多死鱼", "irrigation");
        String scattered = file("villager1", "鱼塘渠道", "死了的鱼扔在路边，渠道也堵了", "irrigation");
        await(Duration.ofSeconds(5), "admin", "/api/search?q=死鱼&size=50",
                r -> r.get("hits").findValuesAsText("number").containsAll(java.util.List.of(exact, scattered)));
        java.util.List<String> found = get("grid1", "/api/search?size=50&q=\"渠道里漂着很多死鱼\"").getBody().get("hits")
                .findValuesAsText("number");
        assertThat(found).contains(exact).doesNotContain(scattered);
    }

    @Test
    void sortsAndPlaceFilters() {
        JsonNode bySupport = get("admin", "/api/search?size=20&sort=supporters").getBody();
        java.util.List<Integer> supporters = new java.util.ArrayList<>();
        bySupport.get("hits").forEach(h -> supporters.add(h.get("supporters").asInt()));
        assertThat(supporters).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode near = get("admin", "/api/search?size=100&near=27.83,113.17&radiusKm=1").getBody();
        JsonNode all = get("admin", "/api/search?size=1").getBody();
        assertThat(near.get("total").asLong()).isLessThan(all.get("total").asLong());
        assertThat(get("admin", "/api/search?sort=random").getStatusCode().value()).isEqualTo(400);
        assertThat(get("admin", "/api/search?near=north").getStatusCode().value()).isEqualTo(400);
        assertThat(get("admin", "/api/search?urgency=emergency&size=100").getBody().get("total").asLong())
                .isLessThan(all.get("total").asLong());
    }

    static JsonNode hitFor(JsonNode result, String number) {
        for (JsonNode hit : result.get("hits")) {
            if (hit.get("number").asText().equals(number)) {
                return hit;
            }
        }
        throw new AssertionError(number + " not in " + result);
    }
}
