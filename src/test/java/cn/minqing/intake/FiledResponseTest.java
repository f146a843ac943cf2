package cn.minqing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The filing's 201 is built from what the filing wrote, not read again (issue 16): its body is exactly what
 * {@code GET /api/cases/{number}} shows right after, for a named and an anonymous villager and for a report filed on
 * someone's behalf (代办), and a retry with the same Idempotency-Key answers the same body.
 */
class FiledResponseTest extends ApiTest {

    @Test
    void aNamedVillagersCreatedBodyIsTheCaseAsReadAfterwardsAndARetryAnswersTheSame() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "filed-body-" + System.nanoTime());
        Map<String, Object> report = Map.of("title", "村口水渠堵了", "description", "村口水渠被垃圾堵住，下雨就漫到路上。",
                "category", "irrigation", "lat", 27.8123, "lon", 113.2101, "address", "  村口小卖部旁  ");

        ResponseEntity<JsonNode> created = post("villager1", "/api/cases", report, headers);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String number = created.getBody().get("number").asText();
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/cases/" + number);
        assertThat(created.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(created.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(created.getBody().get("reporter").asText()).isEqualTo("villager1");
        assertThat(created.getBody().get("address").asText()).isEqualTo("村口小卖部旁");
        assertThat(created.getBody().get("timeline")).hasSize(1);
        assertThat(created.getBody().get("plans")).isEmpty();

        assertThat(created.getBody()).isEqualTo(get("villager1", "/api/cases/" + number).getBody());

        ResponseEntity<JsonNode> retry = post("villager1", "/api/cases", report, headers);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getHeaders().getLocation()).isEqualTo(created.getHeaders().getLocation());
        assertThat(retry.getBody()).isEqualTo(created.getBody());
    }

    @Test
    void anAnonymousVillagersCreatedBodyIsTheCaseAsReadAfterwards() {
        ResponseEntity<JsonNode> created = post("villager2", "/api/cases", Map.of("title", "有人在河里电鱼",
                "description", "晚上有人在河里电鱼，不敢说是谁反映的。", "category", "sanitation", "anonymous", true));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("anonymous").asBoolean()).isTrue();
        assertThat(created.getBody()).isEqualTo(get("villager2", "/api/cases/" + created.getBody().get("number").asText()).getBody());
    }

    @Test
    void anAnonymousReportFiledOnBehalfNamesNobodyToTheCadreAndIsTheCaseAsReadAfterwards() {
        Map<String, Object> report = new HashMap<>(Map.of("title", "邻居家狗咬人", "description", "邻居家的狗放养，咬伤了两个小孩。",
                "category", "security", "anonymous", true, "onBehalfOf", "villager1"));
        ResponseEntity<JsonNode> created = post("grid1", "/api/cases", report);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        JsonNode body = created.getBody();
        assertThat(body.get("reporter").asText()).isEqualTo("匿名群众");
        assertThat(body.toString()).doesNotContain("villager1").doesNotContain("李建国");
        assertThat(body.get("timeline").get(0).get("note").asText()).startsWith("代办：为 匿名群众");
        assertThat(body).isEqualTo(get("grid1", "/api/cases/" + body.get("number").asText()).getBody());
    }
}
