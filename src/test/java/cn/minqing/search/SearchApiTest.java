package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchApiTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    /**
     * The longest query the API takes (200 characters), made of colloquial forms of many categories: every thesaurus
     * rewrite and category listing it sets off must stay within Elasticsearch's clause limit, or the search is a 500.
     */
    @Test
    void theLongestQueryFullOfThesaurusFormsIsAnswered() {
        String forms = "没水吃 路烂完了 卖不掉 房子裂了 看病报不了 老板跑了 工钱没给 低保取消了 停电了 没信号 垃圾没人管 "
                + "地被占了 补贴没到账 老人没人管 娃儿读书 水渠堵了 ";
        String q = forms.repeat(10).substring(0, 200);
        for (String user : List.of("leader1", "township1", "villager1")) {
            var response = get(user, "/api/search?q=" + q);
            assertThat(response.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(response.getBody().has("hits")).as(user).isTrue();
        }
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
        assertThat(supporters).hasSizeGreaterThan(1).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(get("admin", "/api/search?sort=random").getStatusCode().value()).isEqualTo(400);
        assertThat(get("admin", "/api/search?near=north").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void nearFindsOnlyCasesWithinTheRadius() {
        // 李家村 lies at 27.8445,113.1627; 石门社区, 1.5 km away, at 27.8186,113.1618
        String near = fileAt("村口大树被雷劈倒", "村口那棵大樟树被雷劈倒了，横在坪里", 27.8445, 113.1627);
        String far = fileAt("坪里大树被雷劈倒", "坪里那棵大樟树被雷劈倒了，挡在门口", 27.8335, 113.1627); // 1.2 km south
        await(Duration.ofSeconds(10), "admin", "/api/search?q=雷劈倒&size=50",
                r -> r.get("hits").findValuesAsText("number").containsAll(java.util.List.of(near, far)));

        JsonNode result = get("admin", "/api/search?size=100&near=27.8445,113.1627&radiusKm=1").getBody();
        java.util.List<String> numbers = result.get("hits").findValuesAsText("number");
        assertThat(numbers).contains(near).doesNotContain(far);
        assertThat(result.get("total").asLong()).isLessThan(get("admin", "/api/search?size=1").getBody().get("total").asLong());
        // every hit lies within the radius: the case's own point, or its village's where it has none
        jdbc.sql("""
                select c.number, coalesce(c.lat, r.lat) as lat, coalesce(c.lon, r.lon) as lon
                  from minqing.case_record c join minqing.region r on r.code = c.village_code
                 where c.number in (:numbers)""").param("numbers", numbers)
                .query((rs, n) -> {
                    assertThat(kilometres(27.8445, 113.1627, rs.getDouble("lat"), rs.getDouble("lon")))
                            .as(rs.getString("number") + " is within 1 km").isLessThanOrEqualTo(1.01);
                    return rs.getString("number");
                }).list();
    }

    @Test
    void urgencyFindsOnlyCasesOfThatUrgency() {
        String number = file("villager1", "山洪冲了三户人家", "昨晚山洪冲进了三户人家，房子进水，老人被困在二楼", "housing");
        String task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0).get("id").asText();
        assertThat(post("grid1", "/api/tasks/" + task + "/complete", java.util.Map.of("outcome", "accept", "urgency", "emergency"))
                .getStatusCode().value()).isEqualTo(200);
        JsonNode result = await(Duration.ofSeconds(10), "admin", "/api/search?urgency=emergency&size=100",
                r -> r.get("hits").findValuesAsText("number").contains(number));

        java.util.List<String> numbers = result.get("hits").findValuesAsText("number");
        assertThat(jdbc.sql("select urgency from minqing.case_record where number in (:numbers)").param("numbers", numbers)
                .query(String.class).list()).hasSameSizeAs(numbers).allMatch("emergency"::equals);
        assertThat(result.get("total").asLong()).isLessThan(get("admin", "/api/search?size=1").getBody().get("total").asLong());
        assertThat(get("admin", "/api/search?urgency=general&size=100").getBody().get("hits").findValuesAsText("number"))
                .doesNotContain(number);
    }

    private String fileAt(String title, String description, double lat, double lon) {
        var response = post("villager1", "/api/cases", java.util.Map.of("title", title, "description", description,
                "category", "other", "lat", lat, "lon", lon));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("number").asText();
    }

    private static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371.0088 * 2 * Math.asin(Math.sqrt(a));
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
