package cn.minqing.channels;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app with SMS and WeChat pointed at loopback servers ({@link FakeSmsGateway}, {@link FakeWechat}); the sender
 * does not run on its own: tests move the clock and call it, as the scheduler would.
 */
abstract class ChannelTestBase extends ApiTest {

    static final String SECRET = "test-gateway-secret";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final FakeSmsGateway GATEWAY = new FakeSmsGateway(2500);
    static final FakeWechat WECHAT = new FakeWechat();
    /**
     * The channel tests' villagers live in 龙潭村 of 龙潭乡, worked by its own grid member and township staff: no other
     * test files cases or makes work plans there (plan tests use 石门镇, 青溪乡, 白沙镇 and their villages), so the
     * plan-linking job of another test's context, which sweeps the shared database, never links a case here to a
     * public plan and texts the villager a "plan-linked" the counts below do not expect.
     */
    static final String VILLAGE = "QS04001";
    static final String TOWNSHIP = "QS04";
    static final String GRID = "grid-" + VILLAGE;
    static final String STAFF = "staff-" + TOWNSHIP;

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("minqing.sms.url", GATEWAY::url);
        registry.add("minqing.sms.secret", () -> SECRET);
        registry.add("minqing.sms.timeout", () -> "1s");
        registry.add("minqing.channels.sender-enabled", () -> "false");
        registry.add("minqing.channels.daily-cap", () -> "5");
        // other tests' public water plans live in the shared database: this context does not sweep them over the
        // channel tests' water cases (a plan created here still links its scope when it is created)
        registry.add("minqing.plans.link-poll-ms", () -> "86400000");
        registry.add("minqing.wechat.app-id", () -> FakeWechat.APP_ID);
        registry.add("minqing.wechat.app-secret", () -> FakeWechat.APP_SECRET);
        registry.add("minqing.wechat.api-base", WECHAT::base);
        registry.add("minqing.wechat.open-base", WECHAT::base);
    }

    @Autowired
    ChannelSender sender;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    static void clockAt(LocalDateTime beijing) {
        ClockUtil.setCurrentTime(Date.from(beijing.atZone(BEIJING).toInstant()));
    }

    static void clockPlusMinutes(long minutes) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(minutes * 60)));
    }

    /** A villager of 龙潭村 with a mobile number who chose SMS. */
    String smsVillager() {
        String phone = registerVillager("channel-pass-2026", VILLAGE);
        ResponseEntity<JsonNode> chosen = put(phone, "/api/me/channels", Map.of("sms", true));
        assertThat(chosen.getStatusCode().value()).as(String.valueOf(chosen.getBody())).isEqualTo(200);
        return phone;
    }

    ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, user.matches("1\\d{10}") ? "channel-pass-2026" : PASSWORD)
                .exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    @Override
    protected org.springframework.boot.test.web.client.TestRestTemplate as(String username) {
        return rest.withBasicAuth(username, username.matches("1\\d{10}") ? "channel-pass-2026" : PASSWORD);
    }

    /** The outbox rows of a person, newest first, as an admin sees them. */
    JsonNode outboxOf(String username) {
        return get("admin", "/api/admin/channels/messages?username=" + username).getBody();
    }

    /** Posts a gateway callback, signed with {@code secret} (null: unsigned). */
    ResponseEntity<JsonNode> callback(String path, String json, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (secret != null) {
            headers.set("X-Minqing-Signature", Hmac.sha256Hex(secret, json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> textIn(String id, String from, String text) {
        return callback("/api/channels/sms/inbound",
                "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"text\":\"" + text + "\"}", SECRET);
    }

    /** Completes the one task of {@code user} on the case with the form. */
    void step(String user, String number, Map<String, Object> form) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number).getBody();
        assertThat(tasks.size()).as(user + " has a task on " + number).isPositive();
        var done = post(user, "/api/tasks/" + tasks.get(0).get("id").asText() + "/complete", form);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
    }

    /** Files a water case for the villager and works it to 回访 (the villager is asked to rate). */
    String caseAwaitingRating(String villager, String title) {
        String number = file(villager, title, title + "，请尽快处理", "water");
        step(GRID, number, Map.of("outcome", "accept"));
        step(STAFF, number, Map.of("outcome", "sign"));
        step(STAFF, number, Map.of("findings", "属实"));
        step(STAFF, number, Map.of("plan", "修复", "cost", 3000));
        step(STAFF, number, Map.of("report", "已修好"));
        step(GRID, number, Map.of("outcome", "solved"));
        assertThat(status(number)).isEqualTo("awaiting-feedback");
        return number;
    }

    String status(String number) {
        return get("admin", "/api/cases/" + number).getBody().path("status").asText();
    }

    List<String> events(JsonNode rows) {
        return rows.findValuesAsText("event");
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
