package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The API takes a bearer token as well as HTTP Basic. */
class ApiTokenTest extends ApiTest {

    @Test
    void aTokenSignsInItsOwnerUntilRevoked() {
        ResponseEntity<JsonNode> issued = post("township1", "/api/tokens", Map.of("name", "乡镇大屏", "days", 30));
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        String token = issued.getBody().get("token").asText();
        assertThat(token).startsWith("mq_");

        assertThat(me(token).getBody().get("username").asText()).isEqualTo("township1");
        assertThat(me("mq_forged").getStatusCode().value()).isEqualTo(401);

        as("township1").delete("/api/tokens");
        assertThat(me(token).getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<JsonNode> me(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
