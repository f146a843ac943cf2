package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wrong passwords hold back the address they come from, for that account (and, when sprayed over many
 * accounts, for all), with growing delays; they never lock the account itself, so nobody can lock someone
 * else out, and a refusal does not tell whether the account exists.
 */
class LoginThrottleTest extends ApiTest {

    private static final String PASSWORD = "shimen2026";

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiveWrongPasswordsRefuseThatAddressOnlyAndNotTheAccount() {
        String user = registerVillager(PASSWORD, "QS01003");
        String attacker = newAddress();
        String owner = newAddress();
        String token = issueToken(user, owner);
        for (int i = 0; i < 5; i++) {
            assertThat(getFrom(attacker, user, "guess-" + i, "/api/me").getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<JsonNode> refused = getFrom(attacker, user, PASSWORD, "/api/me");
        assertThat(refused.getStatusCode().value()).as("even the right password, from the guessing address").isEqualTo(429);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains("登录尝试过多");
        assertThat(Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isBetween(1L, 61L);

        assertThat(getFrom(owner, user, PASSWORD, "/api/me").getStatusCode().value())
                .as("the owner at another address signs in").isEqualTo(200);
        assertThat(withToken(token, attacker).getStatusCode().value())
                .as("a token keeps working, even from the guessing address").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from minqing.audit_log where action = 'login.throttled' and target = ?")
                .param(user).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select locked_until is null from minqing.app_user where username = ?").param(user)
                .query(Boolean.class).single()).as("the account itself is never locked").isTrue();
    }

    @Test
    void anUnknownAccountIsRefusedAlike() {
        String address = newAddress();
        String nobody = newPhone();
        for (int i = 0; i < 5; i++) {
            assertThat(getFrom(address, nobody, "guess-" + i, "/api/me").getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<JsonNode> refused = getFrom(address, nobody, "guess", "/api/me");
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getBody().get("detail").asText()).isEqualTo("登录尝试过多，请稍后再试。");
    }

    @Test
    void delaysGrowAndTheCountStartsAgainWhenARefusalEnds() {
        String user = registerVillager(PASSWORD, "QS01003");
        String address = newAddress();
        fail(address, user, 5);
        assertThat(blockedSeconds(address, user)).isBetween(55L, 61L);

        expire(address, user);
        fail(address, user, 4);
        assertThat(getFrom(address, user, "guess", "/api/me").getStatusCode().value())
                .as("the fifth failure after the end of the refusal is the one that counts").isEqualTo(401);
        assertThat(blockedSeconds(address, user)).as("then twice as long").isBetween(115L, 121L);

        expire(address, user);
        assertThat(getFrom(address, user, PASSWORD, "/api/me").getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from minqing.login_throttle where address = ? and username = ?")
                .params(address, user).query(Long.class).single()).as("a success forgets the failures").isZero();
    }

    @Test
    void sprayingOneAddressOverManyAccountsRefusesThatAddress() {
        String sprayer = newAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(getFrom(sprayer, newPhone(), "12345678", "/api/me").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(getFrom(sprayer, "villager2", "minqing", "/api/me").getStatusCode().value())
                .as("any account, from the spraying address").isEqualTo(429);
        assertThat(getFrom(newAddress(), "villager2", "minqing", "/api/me").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theSignInPageSaysSoWhenAnAddressIsHeldBack() {
        String user = registerVillager(PASSWORD, "QS01003");
        String address = newAddress();
        WebSession browser = webSession(address);
        for (int i = 0; i < 5; i++) {
            assertThat(WebSession.location(browser.login(user, "guess-" + i))).isEqualTo("/login?error");
        }
        HttpResponse<String> refused = browser.login(user, PASSWORD);
        assertThat(WebSession.location(refused)).isEqualTo("/login?throttled");
        assertThat(browser.get("/login?throttled").body()).contains("登录尝试过多");
        assertThat(WebSession.location(webSession(newAddress()).login(user, PASSWORD))).isEqualTo("/");
    }

    private void fail(String address, String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(getFrom(address, user, "guess-" + i, "/api/me").getStatusCode().value()).isEqualTo(401);
        }
    }

    private long blockedSeconds(String address, String user) {
        return jdbc.sql("""
                select extract(epoch from blocked_until - last_failure_at)::bigint from minqing.login_throttle
                 where address = ? and username = ?
                """).params(address, user).query(Long.class).single();
    }

    /** The refusal's time has passed. */
    private void expire(String address, String user) {
        jdbc.sql("""
                update minqing.login_throttle set blocked_until = now() - interval '1 second',
                       last_failure_at = last_failure_at - interval '1 minute' where address = ? and username = ?
                """).params(address, user).update();
    }

    private String issueToken(String user, String address) {
        ResponseEntity<JsonNode> issued = rest.withBasicAuth(user, PASSWORD).exchange("/api/tokens", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", "手机"), from(address)), JsonNode.class);
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        return issued.getBody().get("token").asText();
    }

    private ResponseEntity<JsonNode> withToken(String token, String address) {
        HttpHeaders headers = from(address);
        headers.setBearerAuth(token);
        return rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
