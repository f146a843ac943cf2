package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API reads each account once per request (issue 16): the account state it checks is the one HTTP Basic or the
 * bearer token loaded in that request, so a change made anywhere — here by SQL, as another app instance would — counts
 * on the very next request, with no cache to wait for. That holds because the API keeps no sessions: a page's session
 * cookie does not sign an API request in.
 */
class ApiAccountStateTest extends ApiTest {

    private static final String PASSWORD = "qingxi2026";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeMadeInTheDatabaseCountsOnTheNextApiRequestByTokenAndByPassword() {
        String user = registerVillager(PASSWORD, "QS02002");
        String token = rest.withBasicAuth(user, PASSWORD).postForEntity("/api/tokens", Map.of("name", "t"), JsonNode.class)
                .getBody().get("token").asText();
        assertThat(byToken(token, "/api/me").getStatusCode().value()).isEqualTo(200);
        assertThat(byToken(token, "/api/cases").getStatusCode().value()).isEqualTo(200);

        // must change the password (no stamp change, so the token stays valid): held to that at once, both ways
        jdbc.sql("update minqing.app_user set must_change_password = true where username = ?").param(user).update();
        ResponseEntity<JsonNode> held = byToken(token, "/api/cases");
        assertThat(held.getStatusCode().value()).isEqualTo(403);
        assertThat(held.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases", String.class).getStatusCode().value())
                .isEqualTo(403);
        jdbc.sql("update minqing.app_user set must_change_password = false where username = ?").param(user).update();
        assertThat(byToken(token, "/api/cases").getStatusCode().value()).isEqualTo(200);

        // locked (as the sign-in throttle of another instance would): refused at once
        jdbc.sql("update minqing.app_user set locked_until = now() + interval '1 hour' where username = ?").param(user)
                .update();
        assertThat(byToken(token, "/api/me").getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth(user, PASSWORD).getForEntity("/api/me", String.class).getStatusCode().value())
                .isEqualTo(401);
        jdbc.sql("update minqing.app_user set locked_until = null where username = ?").param(user).update();

        // disabled: the stamp moves on, the token is revoked and the password refused on the next request
        jdbc.sql("update minqing.app_user set enabled = false where username = ?").param(user).update();
        assertThat(rest.withBasicAuth(user, PASSWORD).getForEntity("/api/me", String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(byToken(token, "/api/me").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aTokensUseIsNotedOnceAMinuteNotWithEveryRequest() {
        String user = registerVillager(PASSWORD, "QS02002");
        String token = rest.withBasicAuth(user, PASSWORD).postForEntity("/api/tokens", Map.of("name", "t"), JsonNode.class)
                .getBody().get("token").asText();
        assertThat(byToken(token, "/api/me").getStatusCode().value()).isEqualTo(200);
        OffsetDateTime first = lastUsed(user);
        assertThat(first).isNotNull();
        jdbc.sql("update minqing.api_token set last_used_at = last_used_at - interval '2 minutes' where username = ?")
                .param(user).update();
        assertThat(byToken(token, "/api/me").getStatusCode().value()).isEqualTo(200);
        assertThat(lastUsed(user)).as("noted by this instance less than a minute ago: not written again")
                .isEqualTo(first.minusMinutes(2));
    }

    @Test
    void aPageSessionDoesNotSignAnApiRequestIn() {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login("grid1", "minqing"))).isEqualTo("/");
        assertThat(session.get("/workbench").statusCode()).isEqualTo(200);
        assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
    }

    private OffsetDateTime lastUsed(String user) {
        return jdbc.sql("select last_used_at from minqing.api_token where username = ?").param(user)
                .query(OffsetDateTime.class).single();
    }

    private ResponseEntity<JsonNode> byToken(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
