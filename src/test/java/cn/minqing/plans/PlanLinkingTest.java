package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/** A plan's scope links its cases, past and future, by the same search /api/search runs; hand unlinking holds. */
class PlanLinkingTest extends ApiTest {

    @Test
    void casesOfThePlansScopeAreLinkedPastAndFutureAsTheSearchCountsThem() {
        String word = letters();
        String filter = "region=QS01&category=water&q=" + word;
        String a = file("villager1", "自来水管漏水 " + word, "村口的自来水管漏水，" + word + "。", "water");
        String b = file("villager1", "水压太低 " + word, "一到晚上水压就很低，" + word + "。", "water");
        String c = file("villager1", "井水浑浊 " + word, "井水发黄浑浊，" + word + "。", "water");
        String road = file("villager1", "村道坑洼 " + word, "村道坑洼不平，" + word + "。", "road");
        String qingxi = file("villager2", "枫树坪停水 " + word, "枫树坪村停水，" + word + "。", "water");
        await(Duration.ofSeconds(15), "leader1", "/api/search?" + filter, r -> r.get("total").asLong() == 3);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "石门镇供水专项（" + word + "）");
        body.put("problem", "饮水供水类诉求上升，集中在石门镇");
        body.put("source", "热点话题：饮水供水");
        body.put("region", "QS01");
        body.put("categories", List.of("water"));
        body.put("query", word);
        body.put("leadOrganisation", "QS-WATER");
        body.put("indicator", "receivedCount");
        body.put("target", 2);
        body.put("targetDate", LocalDate.now().plusDays(90).toString());
        body.put("milestones", List.of(Map.of("title", "排查", "due", 10)));
        body.put("public", true);
        JsonNode plan = post("leader1", "/api/plans", body).getBody();
        long id = plan.get("id").asLong();
        assertThat(plan.get("linkedCases").asLong()).isEqualTo(3)
                .isEqualTo(get("leader1", "/api/search?" + filter).getBody().get("total").asLong());
        assertThat(get("leader1", "/api/plans/" + id + "/cases").getBody().findValuesAsText("number"))
                .containsExactlyInAnyOrder(a, b, c).doesNotContain(road, qingxi);
        assertThat(get("leader1", "/api/plans/" + id + "/cases").getBody().findValuesAsText("how")).containsOnly("auto");

        JsonNode indicator = plan.get("indicator");
        assertThat(indicator.get("since").asDouble()).isGreaterThanOrEqualTo(3)
                .isEqualTo(statsReceived(indicator.get("sinceFrom").asText(), indicator.get("sinceTo").asText()));
        assertThat(indicator.get("before").asDouble())
                .isEqualTo(statsReceived(indicator.get("beforeFrom").asText(), indicator.get("beforeTo").asText()));
        assertThat(indicator.get("target").asDouble()).isEqualTo(2);

        String later = file("villager1", "又停水了 " + word, "今天又停水了，" + word + "。", "water");
        await(Duration.ofSeconds(15), "leader1", "/api/plans/" + id, p -> p.get("linkedCases").asLong() == 4);
        assertThat(get("leader1", "/api/search?" + filter).getBody().get("total").asLong()).isEqualTo(4);
        // other tests' public plans (a county-wide water plan) may cover these cases too: only this plan is asserted
        assertThat(get("villager1", "/api/cases/" + later).getBody().get("plans").findValuesAsText("title"))
                .contains("石门镇供水专项（" + word + "）");
        assertThat(get("villager2", "/api/cases/" + qingxi).getBody().get("plans").findValuesAsText("title"))
                .doesNotContain("石门镇供水专项（" + word + "）");

        assertThat(as("grid1").exchange("/api/plans/" + id + "/cases/" + a + "?reason=已另行处理", HttpMethod.DELETE,
                HttpEntity.EMPTY, JsonNode.class).getStatusCode().value()).isEqualTo(204);
        sleep(5000); // more than one sweep
        assertThat(get("leader1", "/api/plans/" + id + "/cases").getBody().findValuesAsText("number"))
                .containsExactlyInAnyOrder(b, c, later);
        assertThat(get("leader1", "/api/plans/" + id).getBody().get("linkedCases").asLong()).isEqualTo(3);
    }

    /** receivedCount of /api/stats/indicators for the plan's filter and days (0 when no case is there). */
    private double statsReceived(String from, String to) {
        JsonNode rows = get("leader1", "/api/stats/indicators?region=QS01&category=water&from=" + from + "&to=" + to)
                .getBody().get("rows");
        return rows.isEmpty() ? 0 : rows.get(0).get("current").get("receivedCount").asDouble();
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
