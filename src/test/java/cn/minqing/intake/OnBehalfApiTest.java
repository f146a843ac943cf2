package cn.minqing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** 代办: a grid member opens an account for an elderly villager and files their problem for them. */
class OnBehalfApiTest extends ApiTest {

    @Test
    void aGridMemberOpensAnAccountAndFilesForAVillager() {
        String phone = String.format("137%08d", System.nanoTime() % 100_000_000L);
        ResponseEntity<JsonNode> account = post("grid1", "/api/people/villagers", Map.of("phone", phone,
                "password", "laoren2026", "displayName", "李奶奶", "villageCode", "QS01001"));
        assertThat(account.getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> filed = post("grid1", "/api/cases", Map.of("title", "老人房屋漏雨",
                "description", "李奶奶家的老房子屋顶漏雨，一个人住，自己不会用手机。", "category", "housing", "onBehalfOf", phone));
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        String number = filed.getBody().get("number").asText();

        // the account's first use is setting a password the grid member does not know
        assertThat(rest.withBasicAuth(phone, "laoren2026").postForEntity("/api/me/password",
                Map.of("currentPassword", "laoren2026", "newPassword", "nainai-2026"), JsonNode.class).getStatusCode().value())
                .isEqualTo(200);
        JsonNode seenByVillager = rest.withBasicAuth(phone, "nainai-2026").getForEntity("/api/cases/" + number, JsonNode.class).getBody();
        assertThat(seenByVillager.get("reporter").asText()).isEqualTo(phone);
        assertThat(seenByVillager.get("villageCode").asText()).isEqualTo("QS01001");
        assertThat(seenByVillager.get("timeline").get(0).get("actor").asText()).isEqualTo("grid1");
        assertThat(seenByVillager.get("timeline").get(0).get("note").asText()).startsWith("代办");
    }

    @Test
    void onlyCadresFileOnBehalfAndOnlyForTheirOwnVillagers() {
        ResponseEntity<JsonNode> byVillager = post("villager1", "/api/cases", Map.of("title", "代别人", "description", "x",
                "category", "other", "onBehalfOf", "villager2"));
        assertThat(byVillager.getStatusCode().value()).isEqualTo(400);
        assertThat(byVillager.getBody().get("errors").get(0).get("field").asText()).isEqualTo("onBehalfOf");
        ResponseEntity<JsonNode> otherVillage = post("grid1", "/api/cases", Map.of("title", "代别村", "description", "x",
                "category", "other", "onBehalfOf", "villager2"));
        assertThat(otherVillage.getStatusCode().value()).isEqualTo(400);
        assertThat(post("grid1", "/api/people/villagers", Map.of("phone", "13600000000", "password", "laoren2026",
                "displayName", "外村人", "villageCode", "QS02001")).getStatusCode().value()).isEqualTo(403);
    }
}
