package cn.minqing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 附议: neighbours add "me too" to an open case of their village instead of filing duplicates. */
class SupportApiTest extends ApiTest {

    @Test
    void aNeighbourSeesTheOpenCaseAndSupportsItOnce() {
        String number = file("villager1", "桥头垃圾堆成山", "桥头垃圾一个月没人清运，臭得很", "sanitation");
        String neighbour = String.format("139%08d", System.nanoTime() % 100_000_000L);
        rest.postForEntity("/api/register", Map.of("phone", neighbour, "password", "linju12345",
                "displayName", "邻居", "villageCode", "QS01001"), JsonNode.class);

        JsonNode similar = rest.withBasicAuth(neighbour, "linju12345")
                .getForEntity("/api/cases/similar?category=sanitation", JsonNode.class).getBody();
        assertThat(similar.findValuesAsText("number")).contains(number);
        assertThat(similar.toString()).doesNotContain("villager1").doesNotContain("臭得很");

        JsonNode first = rest.withBasicAuth(neighbour, "linju12345")
                .postForEntity("/api/cases/" + number + "/support", null, JsonNode.class).getBody();
        JsonNode again = rest.withBasicAuth(neighbour, "linju12345")
                .postForEntity("/api/cases/" + number + "/support", null, JsonNode.class).getBody();
        assertThat(first.get("added").asBoolean()).isTrue();
        assertThat(again.get("added").asBoolean()).isFalse();
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("supporters").asInt()).isEqualTo(1);
    }

    @Test
    void thePhoneFormShowsOpenCasesThatReadAlikeBeforeFiling() {
        String number = file("villager1", "村口大槐树枯死要倒", "村口那棵大槐树枯死了，随时会倒，砸到人怎么办", "other");
        await(java.time.Duration.ofSeconds(5), "admin", "/api/search?q=槐树枯死&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        String page = as("villager2").getForEntity("/report?villageCode=QS02001&title=大槐树要倒了", String.class).getBody();
        assertThat(page).doesNotContain(number);
        String neighbour = as("villager1").getForEntity("/report?title=村口槐树枯死了快倒了", String.class).getBody();
        assertThat(neighbour).contains(number).contains("我也遇到了");
    }

    @Test
    void villagersSupportCasesOfTheirVillageOrWithinThreeKilometres() {
        String number = file("villager1", "李家村口水渠垮了", "李家村口的水渠垮了一段，下游几个村的田都灌不上水", "irrigation");
        // 大湾村 is 2.3 km from 李家村, 鹿鸣村 3.2 km, 白沙社区 (another township) about 14 km
        assertThat(post("cunmin-QS01006-1", "/api/cases/" + number + "/support", Map.of()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(post("cunmin-QS01004-1", "/api/cases/" + number + "/support", Map.of()).getStatusCode().value())
                .isEqualTo(404);
        assertThat(post("cunmin-QS03001-1", "/api/cases/" + number + "/support", Map.of()).getStatusCode().value())
                .isEqualTo(404);

        String located = post("villager1", "/api/cases", Map.of("title", "鹿鸣村方向路口的桥裂了", "description",
                "往鹿鸣村去的桥面裂了一道大缝", "category", "road", "lat", 27.8390, "lon", 113.1940)).getBody().get("number").asText();
        assertThat(post("cunmin-QS01004-1", "/api/cases/" + located + "/support", Map.of()).getStatusCode().value())
                .as("the case's own place counts, not only its village").isEqualTo(200);
        assertThat(post("township1", "/api/cases/" + number + "/support", Map.of()).getStatusCode().value())
                .as("cadres keep their region").isEqualTo(200);
    }

    @Test
    void onlyNeighboursMaySupportAndNotTheReporter() {
        String number = file("villager1", "村里路灯全坏了", "二组路灯全坏了", "power");
        assertThat(post("villager2", "/api/cases/" + number + "/support", Map.of()).getStatusCode().value()).isEqualTo(404);
        assertThat(post("villager1", "/api/cases/" + number + "/support", Map.of()).getStatusCode().value()).isEqualTo(409);
    }
}
