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

/** People list and revoke their own tokens; a token cannot mint tokens; odd names are refused, never a 500. */
class TokenManagementTest extends ApiTest {

    private static final String PASSWORD = "tokens-2026";

    @Test
    void aPersonListsTheirTokensWithoutSecretsAndRevokesOne() {
        String user = registerVillager(PASSWORD, "QS01005");
        JsonNode first = issue(user, Map.of("name", "手机")).getBody();
        JsonNode second = issue(user, Map.of("name", "乡镇大屏")).getBody();
        assertThat(withToken(first.get("token").asText(), "GET", "/api/me").getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> list = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/tokens", JsonNode.class);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody().findValuesAsText("name")).containsExactly("乡镇大屏", "手机");
        JsonNode used = list.getBody().get(1);
        assertThat(used.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(used.has("created")).isTrue();
        assertThat(used.has("lastUsed")).as("the first was used").isTrue();
        assertThat(list.getBody().get(0).has("lastUsed")).isFalse();
        assertThat(list.getBody().toString()).doesNotContain(first.get("token").asText()).doesNotContain("token_hash")
                .doesNotContain("mq_");

        assertThat(rest.withBasicAuth(user, PASSWORD).exchange("/api/tokens/" + first.get("id").asLong(), HttpMethod.DELETE,
                null, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(withToken(first.get("token").asText(), "GET", "/api/me").getStatusCode().value()).isEqualTo(401);
        assertThat(withToken(second.get("token").asText(), "GET", "/api/me").getStatusCode().value()).isEqualTo(200);
        assertThat(as("villager1").exchange("/api/tokens/" + second.get("id").asLong(), HttpMethod.DELETE, null, JsonNode.class)
                .getStatusCode().value()).as("nobody else's").isEqualTo(404);
        assertThat(withToken(second.get("token").asText(), "GET", "/api/me").getStatusCode().value()).isEqualTo(200);
        assertThat(rest.withBasicAuth(user, PASSWORD).exchange("/api/tokens/abc", HttpMethod.DELETE, null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aTokenCannotMintTokens() {
        String token = issue("township1", Map.of("name", "脚本")).getBody().get("token").asText();
        ResponseEntity<JsonNode> minted = withToken(token, "POST", "/api/tokens");
        assertThat(minted.getStatusCode().value()).isEqualTo(403);
        assertThat(minted.getBody().get("detail").asText()).contains("令牌");
        assertThat(withToken(token, "GET", "/api/tokens").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void tokenNamesOfAnyLengthOrCharactersNeverGiveA500() {
        assertThat(issue("villager1", Map.of("name", "名".repeat(100))).getStatusCode().value()).isEqualTo(201);
        for (String name : new String[] {"x".repeat(101), "名".repeat(5000), "bad\u0000name", "tab\tname"}) {
            ResponseEntity<JsonNode> refused = issue("villager1", Map.of("name", name));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("name");
        }
        assertThat(issue("villager1", Map.of("name", "'); drop table api_token; --  😀")).getStatusCode().value()).isEqualTo(201);
    }

    private ResponseEntity<JsonNode> issue(String user, Map<String, Object> body) {
        String password = user.equals("villager1") || user.equals("township1") ? "minqing" : PASSWORD;
        return rest.withBasicAuth(user, password).postForEntity("/api/tokens", body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> withToken(String token, String method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return rest.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(method.equals("POST") ? Map.of() : null, headers),
                JsonNode.class);
    }
}
