package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Disabling an account or changing its roles, organisation or village ends its sessions and tokens at once:
 * the next request with the old session goes to the sign-in page, with the old token it is 401.
 */
class AccessChangeEndsSessionsTest extends ApiTest {

    private static final String PASSWORD = "qingxi2026";

    @Test
    void disablingAnAccountOnTheAdminPageEndsItsSessionAndTokens() {
        String user = registerVillager(PASSWORD, "QS02002");
        WebSession phone = signedIn(user);
        String token = token(user);
        assertThat(phone.get("/my").statusCode()).isEqualTo(200);

        WebSession admin = signedIn("admin", "minqing");
        assertThat(admin.submit("/admin", "/admin/people/" + user + "/active", Map.of("active", "false")).statusCode())
                .isEqualTo(302);

        assertThat(WebSession.location(phone.get("/my"))).endsWith("/login");
        assertThat(me(token).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth(user, PASSWORD).getForEntity("/api/me", String.class).getStatusCode().value())
                .isEqualTo(401);

        admin.submit("/admin", "/admin/people/" + user + "/active", Map.of("active", "true"));
        assertThat(rest.withBasicAuth(user, PASSWORD).getForEntity("/api/me", String.class).getStatusCode().value())
                .as("enabled again, the password works; the old token stays revoked").isEqualTo(200);
        assertThat(me(token).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void changingRolesOrOrganisationEndsSessionsAndTokens() {
        String user = registerVillager(PASSWORD, "QS01001");
        WebSession session = signedIn(user);
        String token = token(user);

        ResponseEntity<JsonNode> changed = change(user, Map.of("roles", List.of("CADRE"), "organisationCode", "QS01001-VC"));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        assertThat(changed.getBody().get("roles").get(0).asText()).isEqualTo("CADRE");

        assertThat(WebSession.location(session.get("/my"))).endsWith("/login");
        assertThat(me(token).getStatusCode().value()).isEqualTo(401);
        JsonNode me = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/me", JsonNode.class).getBody();
        assertThat(me.get("roles").get(0).asText()).isEqualTo("CADRE");
        assertThat(me.get("organisationCode").asText()).isEqualTo("QS01001-VC");

        WebSession again = signedIn(user);
        assertThat(again.get("/my").statusCode()).isEqualTo(200);
        assertThat(change(user, Map.of("organisationCode", "QS01-GOV")).getStatusCode().value()).isEqualTo(200);
        assertThat(WebSession.location(again.get("/my"))).as("an organisation change alone").endsWith("/login");
    }

    @Test
    void badChangesAreRefusedWithEveryFieldNamedAndOnlyAdminsMayChange() {
        String user = registerVillager(PASSWORD, "QS01001");
        ResponseEntity<JsonNode> bad = change(user, Map.of("roles", List.of("KING"), "organisationCode", "NOPE",
                "villageCode", "QS99"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("roles", "organisationCode", "villageCode");
        assertThat(change("nobody-" + System.nanoTime(), Map.of("enabled", false)).getStatusCode().value()).isEqualTo(404);
        assertThat(as("grid1").exchange("/api/admin/people/" + user, HttpMethod.PATCH,
                new HttpEntity<>(Map.of("roles", List.of("ADMIN"))), JsonNode.class).getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<JsonNode> change(String user, Map<String, Object> change) {
        return as("admin").exchange("/api/admin/people/" + user, HttpMethod.PATCH, new HttpEntity<>(change), JsonNode.class);
    }

    private WebSession signedIn(String user) {
        return signedIn(user, PASSWORD);
    }

    private WebSession signedIn(String user, String password) {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login(user, password))).isEqualTo("/");
        return session;
    }

    private String token(String user) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity("/api/tokens", Map.of("name", "t"), JsonNode.class)
                .getBody().get("token").asText();
    }

    private ResponseEntity<JsonNode> me(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
