package cn.minqing.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * 挂账 by text: a villager who chose SMS is texted when their case is deferred to a work plan and when it comes back
 * — in the transaction of the change, by the templates {@code deferred} and {@code resumed}, which name neither the
 * plan nor a cadre.
 */
class DeferralTextTest extends ChannelTestBase {

    @Test
    void theReporterIsTextedWhenTheCaseIsDeferredAndWhenItComesBack() {
        String villager = smsVillager();
        String number = file(villager, "村道塌方", "去茶园的村道塌了一段，车过不去。", "road");
        step(GRID, number, Map.of("outcome", "accept"));
        step(STAFF, number, Map.of("outcome", "sign"));
        long plan = plan();

        ResponseEntity<JsonNode> deferred = post(STAFF, "/api/cases/" + number + "/deferral", Map.of("plan", plan,
                "until", LocalDate.now(BEIJING).plusDays(10).toString(), "reason", "列入龙潭乡村道修复计划"));
        assertThat(deferred.getStatusCode().value()).as(String.valueOf(deferred.getBody())).isEqualTo(201);
        JsonNode text = row(villager, "deferred");
        assertThat(text.get("text").asText()).startsWith("您反映的“村道塌方”已列入工作方案")
                .doesNotContain("龙潭乡村道修复计划", STAFF);

        assertThat(as(STAFF).exchange("/api/cases/" + number + "/deferral", HttpMethod.DELETE, HttpEntity.EMPTY,
                JsonNode.class).getStatusCode().value()).isEqualTo(204);
        assertThat(row(villager, "resumed").get("text").asText()).startsWith("您反映的“村道塌方”已恢复办理");
    }

    private JsonNode row(String villager, String event) {
        for (JsonNode r : outboxOf(villager)) {
            if (event.equals(r.path("event").asText()) && "sms".equals(r.path("channel").asText())) {
                return r;
            }
        }
        throw new AssertionError("no " + event + " text for the villager: " + outboxOf(villager));
    }

    private long plan() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "龙潭乡村道修复计划");
        body.put("problem", "村道塌方");
        body.put("region", TOWNSHIP);
        body.put("categories", List.of("road"));
        body.put("query", "龙潭乡村道修复计划");
        body.put("leadOrganisation", TOWNSHIP + "-GOV");
        body.put("indicator", "resolutionRate");
        body.put("target", 0.9);
        body.put("targetDate", LocalDate.now(BEIJING).plusDays(90).toString());
        body.put("milestones", List.of(Map.of("title", "摸排", "due", 10)));
        body.put("public", true);
        ResponseEntity<JsonNode> r = post("admin", "/api/plans", body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }
}
