package cn.minqing.channels;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 消息提醒 on the villager's 我的 page: the same choices as /api/me/channels, for people who never call an API. */
class ChannelPageTest extends ApiTest {

    static final String PASS = "channel-page-2026";

    @Test
    void aVillagerChoosesSmsAndQuietHoursOnThePageAndABadTimeChangesNothing() {
        String phone = registerVillager(PASS, "QS01001");
        WebSession session = webSession(newAddress());
        session.login(phone, PASS);
        assertThat(session.get("/account").body()).contains("/account/channels");
        String page = session.get("/account/channels").body();
        assertThat(page).contains("消息提醒", "发短信", "免打扰").contains("您还没有绑定微信");

        HttpResponse<String> saved = session.submit("/account/channels", "/account/channels",
                Map.of("inApp", "true", "sms", "true", "quietFrom", "22:00", "quietTo", "07:00"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).endsWith("/account/channels?saved");
        JsonNode chosen = rest.withBasicAuth(phone, PASS).getForEntity("/api/me/channels", JsonNode.class).getBody();
        assertThat(chosen.path("sms").asBoolean()).isTrue();
        assertThat(chosen.path("inApp").asBoolean()).isTrue();
        assertThat(chosen.at("/quietHours/from").asText()).isEqualTo("22:00");

        HttpResponse<String> refused = session.submit("/account/channels", "/account/channels",
                Map.of("inApp", "true", "sms", "true", "wechat", "true", "quietFrom", "25:00", "quietTo", "07:00"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("免打扰时间请写成", "您还没有绑定微信");
        JsonNode after = rest.withBasicAuth(phone, PASS).getForEntity("/api/me/channels", JsonNode.class).getBody();
        assertThat(after.at("/quietHours/from").asText()).as("nothing stored half-way").isEqualTo("22:00");
        assertThat(after.path("wechat").asBoolean()).isFalse();
    }
}
