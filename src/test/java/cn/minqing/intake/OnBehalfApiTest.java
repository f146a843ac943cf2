package cn.minqing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
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

    @Test
    void aCaseOutsideTheFilersRegionIsRefusedBeforeAnythingIsStored() {
        int before = get("villager1", "/api/cases?size=200").getBody().size();
        // villager1 lives in grid1's village; the case names a village of another township
        ResponseEntity<JsonNode> elsewhere = post("grid1", "/api/cases", Map.of("title", "代办到别处", "description", "x",
                "category", "other", "onBehalfOf", "villager1", "villageCode", "QS02001"));
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(400);
        assertThat(elsewhere.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(elsewhere.getBody().get("errors").get(0).get("field").asText()).isEqualTo("villageCode");
        assertThat(get("villager1", "/api/cases?size=200").getBody().size()).isEqualTo(before);
    }

    @Test
    void aPartyMemberWhoFilesForAVillagerGetsAReceiptNotTheCasework() {
        String partyMember = "dangyuan-QS01001-1";
        Map<String, Object> report = new HashMap<>(Map.of("title", "村口路灯坏了", "description", "村口路灯坏了一个月，晚上看不见路。",
                "category", "road", "onBehalfOf", "villager1", "anonymous", true));
        HttpHeaders headers = new HttpHeaders();
        headers.add("Idempotency-Key", "party-member-receipt-" + System.nanoTime());
        ResponseEntity<JsonNode> filed = post(partyMember, "/api/cases", report, headers);
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        JsonNode receipt = filed.getBody();
        String number = receipt.get("number").asText();
        assertThat(receipt.get("title").asText()).isEqualTo("村口路灯坏了");
        assertThat(receipt.get("villageCode").asText()).isEqualTo("QS01001");
        assertThat(receipt.get("reporter").asText()).as("anonymous, even to the one who filed it").isEqualTo("匿名群众");
        assertThat(receipt.hasNonNull("handlingOrganisation")).isFalse();
        assertThat(receipt.hasNonNull("urgency")).isFalse();
        assertThat(receipt.hasNonNull("handling")).isFalse();
        assertThat(receipt.get("timeline")).isEmpty();
        // the same key again: the same receipt, not a 404 and not a second case
        ResponseEntity<JsonNode> again = post(partyMember, "/api/cases", report, headers);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(receipt);
        // following the case is the villager's; the party member may not read the casework
        assertThat(get(partyMember, "/api/cases/" + number).getStatusCode().value()).isEqualTo(404);
        JsonNode seenByVillager = get("villager1", "/api/cases/" + number).getBody();
        assertThat(seenByVillager.get("reporter").asText()).isEqualTo("villager1");
        assertThat(seenByVillager.get("title").asText()).isEqualTo("村口路灯坏了");
    }
}
