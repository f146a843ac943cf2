package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * People change their own password (API and page); weak ones are refused; an account a cadre opened (代办开户)
 * can do nothing else until its owner has set a password the cadre does not know.
 */
class PasswordChangeTest extends ApiTest {

    @Test
    void aVillagerChangesTheirPasswordAndTheOldOneAndTheTokensStopWorking() {
        String user = registerVillager("old-pass-2026", "QS01002");
        String token = rest.withBasicAuth(user, "old-pass-2026").postForEntity("/api/tokens", Map.of("name", "t"), JsonNode.class)
                .getBody().get("token").asText();

        ResponseEntity<JsonNode> changed = change(user, "old-pass-2026", "new-pass-2026");
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);

        assertThat(status(user, "old-pass-2026", "/api/me")).isEqualTo(401);
        assertThat(status(user, "new-pass-2026", "/api/me")).isEqualTo(200);
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth(token);
        assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(bearer), String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void weakPasswordsAndAWrongCurrentPasswordAreRefusedWithTheFieldNamed() {
        String user = registerVillager("right-pass-1", "QS01002");
        assertThat(fields(changeAs(user, "right-pass-1", Map.of("currentPassword", "wrong-pass-1", "newPassword", "good-new-pass"))))
                .containsExactly("currentPassword");
        assertThat(fields(change(user, "right-pass-1", "short"))).containsExactly("newPassword");
        assertThat(fields(change(user, "right-pass-1", user))).containsExactly("newPassword");
        assertThat(fields(change(user, "right-pass-1", "12345678"))).containsExactly("newPassword");
        assertThat(fields(change(user, "right-pass-1", "Password1"))).containsExactly("newPassword");
        assertThat(fields(change(user, "right-pass-1", "长".repeat(30)))).as("over bcrypt's 72 bytes").containsExactly("newPassword");
        assertThat(fields(change(user, "right-pass-1", "right-pass-1"))).containsExactly("newPassword");
        Map<String, String> nulls = new HashMap<>();
        nulls.put("currentPassword", null);
        nulls.put("newPassword", null);
        assertThat(fields(changeAs(user, "right-pass-1", nulls))).containsExactlyInAnyOrder("currentPassword", "newPassword");
        assertThat(status(user, "right-pass-1", "/api/me")).as("nothing changed").isEqualTo(200);

        ResponseEntity<JsonNode> weakSignUp = rest.exchange("/api/register", HttpMethod.POST, new HttpEntity<>(Map.of(
                "phone", newPhone(), "password", "x".repeat(100), "displayName", "长密码", "villageCode", "QS01002"),
                from(newAddress())), JsonNode.class);
        assertThat(fields(weakSignUp)).as("sign-up follows the same rules").containsExactly("password");
    }

    @Test
    void anAccountACadreOpenedMustChangeItsPasswordBeforeAnythingElse() {
        String phone = newPhone();
        ResponseEntity<JsonNode> opened = post("grid1", "/api/people/villagers", Map.of("phone", phone, "password", "grid-chose-it",
                "displayName", "李奶奶", "villageCode", "QS01001"));
        assertThat(opened.getStatusCode().value()).as(opened.getHeaders() + " " + opened.getBody()).isEqualTo(201);

        ResponseEntity<JsonNode> refused = rest.withBasicAuth(phone, "grid-chose-it").getForEntity("/api/cases", JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains("请先修改密码");
        JsonNode me = rest.withBasicAuth(phone, "grid-chose-it").getForEntity("/api/me", JsonNode.class).getBody();
        assertThat(me.get("mustChangePassword").asBoolean()).isTrue();

        assertThat(change(phone, "grid-chose-it", "only-i-know-1").getStatusCode().value()).isEqualTo(200);
        assertThat(status(phone, "only-i-know-1", "/api/cases")).isEqualTo(200);
        assertThat(status(phone, "grid-chose-it", "/api/cases")).as("the cadre's password is gone").isEqualTo(401);
    }

    @Test
    void onThePagesSuchAnAccountIsSentToChangeItsPasswordAndKeepsItsSessionAfterwards() {
        String phone = newPhone();
        post("grid1", "/api/people/villagers", Map.of("phone", phone, "password", "grid-chose-it",
                "displayName", "王爷爷", "villageCode", "QS01001"));
        WebSession browser = webSession(newAddress());
        assertThat(WebSession.location(browser.login(phone, "grid-chose-it"))).isEqualTo("/");
        assertThat(WebSession.location(browser.get("/my"))).isEqualTo("/account/password");
        String page = browser.get("/account/password").body();
        assertThat(page).contains("请先设置只有您自己知道的新密码").contains("id=\"to-account\""); // 我的, which leads here

        assertThat(browser.submit("/account/password", "/account/password",
                Map.of("currentPassword", "grid-chose-it", "newPassword", "12345678")).body()).contains("这个密码太常见");
        assertThat(WebSession.location(browser.submit("/account/password", "/account/password",
                Map.of("currentPassword", "grid-chose-it", "newPassword", "wangyeye-2026")))).isEqualTo("/account/password?changed");
        assertThat(browser.get("/my").statusCode()).as("this session goes on").isEqualTo(200);
    }

    private ResponseEntity<JsonNode> change(String user, String current, String next) {
        return changeAs(user, current, Map.of("currentPassword", current, "newPassword", next));
    }

    private ResponseEntity<JsonNode> changeAs(String user, String password, Map<String, String> body) {
        return rest.withBasicAuth(user, password).exchange("/api/me/password", HttpMethod.POST,
                new HttpEntity<>(body, from(newAddress())), JsonNode.class);
    }

    private int status(String user, String password, String path) {
        return rest.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode().value();
    }

    private static java.util.List<String> fields(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        return response.getBody().get("errors").findValuesAsText("field");
    }
}
