package cn.minqing.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.CaseStatusChanged;
import cn.minqing.intake.CaseFiling;
import cn.minqing.intake.CaseReport;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "received" (收到) text a filing owes its reporter (issue 16): the filing writes one row and reads nothing for
 * it; the sender turns it into the outbox's text after the commit, once; a filing that rolls back owes nothing; an
 * anonymous reporter's text goes to them alone.
 */
class ReceivedTextOwedTest extends ChannelTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseFiling filing;

    @Autowired
    UserAccounts accounts;

    @Test
    void theFilingOwesOneRowThatTheNextPassTurnsIntoOneText() {
        String phone = smsVillager();
        String number = file(phone, "水塔漏水了", "村里的水塔漏水，一直在流", "water");
        // committed with the case and nothing more: the sender here is off, as after an app that died after the commit
        assertThat(owed(number)).isEqualTo(1);
        assertThat(outboxOf(phone)).isEmpty();

        sender.sendDue(); // the next pass, of this instance or any other with a gateway
        assertThat(owed(number)).isZero();
        // (the plan-linking job may also tell the villager that the case joined another test's plan)
        assertThat(events(outboxOf(phone))).containsOnlyOnce("received").isSubsetOf("received", "plan-linked");
        assertThat(GATEWAY.textsTo(phone)).extracting(t -> t.path("text").asText()).filteredOn(t -> t.contains("已收到"))
                .containsExactly("您反映的“水塔漏水了”已收到，编号" + number + "。");
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).filteredOn(t -> t.path("text").asText().contains("已收到")).hasSize(1);
    }

    @Test
    void aFilingThatRollsBackOwesNothing() {
        String phone = smsVillager();
        CurrentUser villager = accounts.find(phone).orElseThrow().user();
        long before = jdbc.sql("select count(*) from minqing.channel_message_due").query(Long.class).single();
        CaseReport report = new CaseReport("屋后塌方", "屋后的土坡塌了一块", "housing", null, null, null, null, null, null);
        assertThatThrownBy(() -> filing.file(report, villager, null, filed -> {
            throw new IllegalStateException("the upload could not be stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("select count(*) from minqing.channel_message_due").query(Long.class).single()).isEqualTo(before);
        assertThat(get(phone, "/api/cases").getBody()).isEmpty();
        sender.sendDue();
        assertThat(GATEWAY.requestsFor(phone)).isEmpty();
    }

    @Test
    void anAnonymousReportersTextGoesToThemAlone() {
        String phone = smsVillager();
        ResponseEntity<JsonNode> filed = post(phone, "/api/cases", Map.of("title", "夜里有人偷倒垃圾", "description",
                "每天夜里有车往河边倒垃圾", "category", "sanitation", "anonymous", true));
        String number = filed.getBody().path("number").asText();
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).hasSize(1);
        assertThat(jdbc.sql("select distinct username from minqing.outbound_message where case_number = ?").param(number)
                .query(String.class).list()).containsExactly(phone);
    }

    /**
     * A mixed fleet: the filing's instance has SMS and WeChat, the instance that renders the owed text has SMS only.
     * The text goes out on the channels the filing chose — the WeChat row is queued for an instance that can send it —
     * not on the renderer's.
     */
    @Test
    void theOwedTextTakesTheChannelsTheFilingChoseNotTheRenderers() {
        String phone = smsAndWechatVillager();
        String number = file(phone, "桥栏杆松了", "村口小桥的栏杆松了，小孩过桥危险", "road");
        assertThat(owed(number)).isEqualTo(1);

        Integer rendered = tx.execute(s -> instance(smsOnly()).renderOwed(50));
        assertThat(rendered).isPositive();
        assertThat(owed(number)).isZero();
        assertThat(channelsOf(number)).containsExactlyInAnyOrder("sms", "wechat");
    }

    /** The other way round: filed where only SMS is set up, rendered where WeChat is too — no WeChat text. */
    @Test
    void aFilingWithoutWechatOwesNoWechatTextWhereverItIsRendered() {
        String phone = smsAndWechatVillager();
        String number = file(phone, "路灯不亮", "组里的路灯坏了一个月", "road");
        // the row this filing owed, as an instance with SMS only would have written it
        jdbc.sql("delete from minqing.channel_message_due where case_number = ?").param(number).update();
        tx.executeWithoutResult(s -> instance(smsOnly()).caseChanged(new CaseStatusChanged(number, CaseStatus.RECEIVED)));

        sender.renderOwed(); // this instance has both gateways
        assertThat(owed(number)).isZero();
        assertThat(channelsOf(number)).containsExactly("sms");
    }

    /** A row owed before the filing's channels were kept with it is rendered as before: the renderer's gateways. */
    @Test
    void aRowOwedBeforeTheChannelsWereKeptIsRenderedWithTheRenderersGateways() {
        String phone = smsAndWechatVillager();
        String number = file(phone, "垃圾没人收", "垃圾池满了好几天", "sanitation");
        jdbc.sql("delete from minqing.channel_message_due where case_number = ?").param(number).update();
        jdbc.sql("insert into minqing.channel_message_due (case_number, event, created_at) values (?, 'received', now())")
                .param(number).update();

        sender.renderOwed();
        assertThat(channelsOf(number)).containsExactlyInAnyOrder("sms", "wechat");
    }

    /**
     * mend11: where no instance has a gateway any more, a text owed by a filing was owed for ever, out of sight. An
     * instance without gateways leaves it while it is fresh (a gateway may come back) and, once it is older than
     * give-up-after (48 h), turns it into its channels' outbox rows ended as expired, which admins see.
     */
    @Test
    void aTextOwedWhereNoGatewayIsLeftEndsExpiredAfterTheBoundNotOwedForEver() {
        String phone = smsAndWechatVillager();
        String number = file(phone, "水渠堵了", "村东的水渠堵了，地里进不了水", "irrigation");
        assertThat(owed(number)).isEqualTo(1);
        ChannelGateways none = new ChannelGateways("", "", "generic", "", "民情", Duration.ofSeconds(1), "", "",
                "https://api.weixin.qq.com", json, clock);
        ChannelSender bare = sender(none);

        bare.sendDue(); // fresh: left for an instance with a gateway
        assertThat(owed(number)).isEqualTo(1);
        assertThat(channelsOf(number)).isEmpty();

        ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(49))));
        bare.sendDue();
        assertThat(owed(number)).isZero();
        assertThat(channelsOf(number)).containsExactlyInAnyOrder("sms", "wechat");
        assertThat(jdbc.sql("select status from minqing.outbound_message where case_number = ? and event = 'received'")
                .param(number).query(String.class).list()).containsExactly("expired", "expired");
        assertThat(jdbc.sql("""
                select a.outcome from minqing.outbound_attempt a join minqing.outbound_message m on m.id = a.message_id
                 where m.case_number = ? and m.event = 'received'
                """).param(number).query(String.class).list()).containsExactly("expired", "expired");
        assertThat(GATEWAY.requestsFor(phone)).isEmpty();
    }

    /** The sender of an instance with these gateways, on the same database, with the app's settings. */
    private ChannelSender sender(ChannelGateways gateways) {
        ChannelOutbox outbox = new ChannelOutbox(jdbc, choices, templates, gateways, bindings, json);
        return new ChannelSender(new CaseMessages(jdbc, outbox, ratingRequests, gateways), outbox, choices, gateways,
                accounts, bindings, tx, json, clock, true, 8, 8, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(2), Duration.ofHours(48));
    }

    @Autowired
    ChannelChoices choices;
    @Autowired
    MessageTemplates templates;
    @Autowired
    WechatBindings bindings;
    @Autowired
    RatingRequests ratingRequests;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate tx;

    /** A villager who chose SMS and WeChat and is bound to a WeChat user. */
    private String smsAndWechatVillager() {
        String phone = smsVillager();
        bindings.bind("openid-" + phone, phone, OffsetDateTime.now());
        ResponseEntity<JsonNode> chosen = put(phone, "/api/me/channels", Map.of("sms", true, "wechat", true));
        assertThat(chosen.getStatusCode().value()).as(String.valueOf(chosen.getBody())).isEqualTo(200);
        return phone;
    }

    /** Another instance's gateways: SMS (the same loopback gateway), no WeChat. */
    private ChannelGateways smsOnly() {
        return new ChannelGateways(GATEWAY.url(), SECRET, "generic", "", "民情", Duration.ofSeconds(1), "", "",
                "https://api.weixin.qq.com", json, clock);
    }

    /** The case messages of an instance with these gateways, on the same database. */
    private CaseMessages instance(ChannelGateways gateways) {
        ChannelOutbox outbox = new ChannelOutbox(jdbc, choices, templates, gateways, bindings, json);
        return new CaseMessages(jdbc, outbox, ratingRequests, gateways);
    }

    private List<String> channelsOf(String number) {
        return jdbc.sql("select channel from minqing.outbound_message where case_number = ? and event = 'received'")
                .param(number).query(String.class).list();
    }

    private long owed(String number) {
        return jdbc.sql("select count(*) from minqing.channel_message_due where case_number = ?").param(number)
                .query(Long.class).single();
    }
}
