package cn.minqing.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Villagers reached by SMS through the outbox and a loopback gateway: exactly one text whatever the gateway does,
 * replies that rate, opt-out, quiet hours, the daily cap, signed callbacks, receipts, and anonymity kept.
 */
class SmsChannelTest extends ChannelTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aGatewayThatFailsThenTimesOutThenTakesItDeliversExactlyOneText() {
        clockAt(LocalDateTime.of(2031, 3, 4, 10, 0)); // a Tuesday morning in Beijing
        String phone = smsVillager();
        GATEWAY.answer(phone, "500", "timeout", "200");
        String number = file(phone, "村口水管爆了", "村口水管爆了，水流了一地", "water");

        sender.sendDue(); // 500
        JsonNode row = outboxOf(phone).get(0);
        assertThat(row.path("event").asText()).isEqualTo("received");
        assertThat(row.path("caseNumber").asText()).isEqualTo(number);
        assertThat(row.path("status").asText()).isEqualTo("pending");
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
        sender.sendDue(); // not due yet: the first retry waits 30 s
        assertThat(GATEWAY.requestsFor(phone)).hasSize(1);

        clockPlusMinutes(1);
        sender.sendDue(); // the gateway sends it but answers after we gave up
        clockPlusMinutes(5);
        sender.sendDue(); // 200, same id
        clockPlusMinutes(120);
        sender.sendDue(); // nothing left

        List<JsonNode> requests = GATEWAY.requestsFor(phone);
        assertThat(requests).hasSize(3);
        assertThat(requests.stream().map(r -> r.path("id").asText()).distinct()).containsExactly(row.path("id").asText());
        assertThat(GATEWAY.textsTo(phone)).hasSize(1);
        JsonNode text = GATEWAY.textsTo(phone).get(0);
        assertThat(text.path("text").asText()).isEqualTo("您反映的“村口水管爆了”已收到，编号" + number + "。");
        assertThat(text.path("template").asText()).isEqualTo("MQ_RECEIVED");
        assertThat(text.path("params").path("number").asText()).isEqualTo(number);

        JsonNode done = outboxOf(phone).get(0);
        assertThat(done.path("status").asText()).isEqualTo("accepted");
        assertThat(done.path("tries").findValuesAsText("outcome")).containsExactly("error", "timeout", "accepted");
    }

    /**
     * mend11: a text nobody can send (a gateway down for days, a WeChat row queued where WeChat was set up and no
     * instance serving WeChat any more) waited in the outbox for ever; after give-up-after (48 h) it ends as expired,
     * with its tries, on either channel, and is not tried again.
     */
    @Test
    void aTextUnsentForTwoDaysExpiresVisiblyOnEitherChannel() {
        clockAt(LocalDateTime.of(2031, 4, 8, 10, 0)); // a Tuesday morning in Beijing
        String phone = smsVillager();
        GATEWAY.answer(phone, "500", "500", "500");
        String number = file(phone, "桥头路灯不亮", "桥头路灯不亮，晚上看不见路", "road");
        sender.sendDue(); // 500: tried again in 30 s
        assertThat(outboxOf(phone).get(0).path("status").asText()).isEqualTo("pending");
        OffsetDateTime filed = OffsetDateTime.ofInstant(now(), BEIJING);

        clockPlusMinutes(47 * 60); // not yet: the SMS is tried again (500) and waits
        GATEWAY.answer(phone, "500");
        sender.sendDue();
        assertThat(outboxOf(phone).findValuesAsText("status")).containsExactly("pending");
        int tries = GATEWAY.requestsFor(phone).size();
        assertThat(tries).isEqualTo(2);
        // a WeChat text of the same filing, queued by an instance that had WeChat (a fleet without WeChat now never claims
        // it; WeChat is set up here, so the point is that the bound ends it before any claim, whatever the channel)
        jdbc.sql("""
                insert into minqing.outbound_message (id, username, channel, event, case_number, template, params, text,
                    next_attempt_at, created_at) values (?, ?, 'wechat', 'received', ?, 'MQ_RECEIVED', '{}'::jsonb, '已收到', ?, ?)
                """).params(UUID.randomUUID(), phone, number, filed, filed).update();

        clockPlusMinutes(2 * 60);
        sender.sendDue();
        JsonNode rows = outboxOf(phone);
        assertThat(rows.findValuesAsText("status")).containsExactly("expired", "expired");
        assertThat(rows.findValuesAsText("channel")).containsExactlyInAnyOrder("sms", "wechat");
        for (JsonNode row : rows) {
            List<String> outcomes = row.path("tries").findValuesAsText("outcome");
            assertThat(outcomes).as(row.toString()).last().isEqualTo("expired");
        }
        assertThat(GATEWAY.requestsFor(phone)).as("not tried again").hasSize(tries);
        clockPlusMinutes(24 * 60);
        sender.sendDue();
        assertThat(GATEWAY.requestsFor(phone)).hasSize(tries);
        assertThat(outboxOf(phone).findValuesAsText("status")).containsExactly("expired", "expired");
    }

    @Test
    void replyThreeFromTheReportersPhoneSendsTheCaseToReworkAndNoOtherNumberCan() {
        String phone = smsVillager();
        String neighbour = smsVillager();
        String number = caseAwaitingRating(phone, "水塔漏水");
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).extracting(t -> t.path("text").asText())
                .contains("您反映的“水塔漏水”已办好。请回复1满意、2基本满意、3不满意。");

        assertThat(textIn(UUID.randomUUID().toString(), newPhone(), "3").getBody().path("handledAs").asText()).isEqualTo("unknown");
        assertThat(textIn(UUID.randomUUID().toString(), neighbour, "3").getBody().path("handledAs").asText()).isEqualTo("kept");
        assertThat(status(number)).isEqualTo("awaiting-feedback");

        String id = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> rated = textIn(id, "+86" + phone, "3");
        assertThat(rated.getStatusCode().value()).as(String.valueOf(rated.getBody())).isEqualTo(200);
        assertThat(rated.getBody().path("handledAs").asText()).isEqualTo("rating");
        assertThat(status(number)).isEqualTo("rework");
        assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind")).contains("rated");
        // the gateway sends the same text again: counted once
        assertThat(textIn(id, phone, "3").getBody().path("handledAs").asText()).isEqualTo("duplicate");
        assertThat(textIn(UUID.randomUUID().toString(), phone, "1").getBody().path("handledAs").asText())
                .as("no longer waiting for a rating: a message for the handler").isEqualTo("message");
        assertThat(status(number)).isEqualTo("rework");
    }

    @Test
    void aDirectAnswerIsTextedAndRatedByReply() {
        String phone = smsVillager();
        String number = file(phone, "高龄补贴怎么申请", "我爸满80岁了，高龄补贴要去哪里申请", "elderly");
        step(GRID, number, Map.of("outcome", "answer", "reply", "带身份证和户口本到乡民政办申请，当月受理。"));
        assertThat(status(number)).isEqualTo("answered");
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).extracting(t -> t.path("template").asText()).contains("MQ_ANSWERED");
        ResponseEntity<JsonNode> rated = textIn(UUID.randomUUID().toString(), phone, "1");
        assertThat(rated.getBody().path("handledAs").asText()).as(String.valueOf(rated.getBody())).isEqualTo("rating");
        assertThat(get("admin", "/api/cases/" + number).getBody().at("/handling/rating").asText()).isEqualTo("satisfied");
    }

    @Test
    void aPublicPlanThatTakesUpTheCaseIsTextedAndAnInternalOneIsNot() {
        String phone = smsVillager();
        String marker = "渠" + UUID.randomUUID().toString().substring(0, 6);
        String number = file(phone, marker + "水渠堵了", "村里" + marker + "水渠堵了，灌不了田", "irrigation");
        await(java.time.Duration.ofSeconds(10), "admin", "/api/search?q=" + marker,
                r -> r.get("hits").findValuesAsText("number").contains(number));
        sender.sendDue();
        int before = GATEWAY.textsTo(phone).size();
        assertThat(startPlan(marker, false).path("linkedCases").asInt()).isEqualTo(1);
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).as("a plan for cadres only is not announced").hasSize(before);
        assertThat(startPlan(marker, true).path("linkedCases").asInt()).isEqualTo(1);
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).extracting(t -> t.path("template").asText()).contains("MQ_PLAN_LINKED");
        assertThat(GATEWAY.textsTo(phone)).hasSize(before + 1);
    }

    private JsonNode startPlan(String marker, boolean isPublic) {
        Map<String, Object> plan = new java.util.LinkedHashMap<>();
        plan.put("title", marker + "清淤" + (isPublic ? "公开" : "内部"));
        plan.put("problem", "水渠淤堵");
        plan.put("region", TOWNSHIP);
        plan.put("categories", List.of("irrigation"));
        plan.put("query", marker);
        plan.put("leadOrganisation", TOWNSHIP + "-GOV");
        plan.put("indicator", "receivedCount");
        plan.put("target", 1);
        plan.put("targetDate", now().atZone(BEIJING).toLocalDate().plusDays(60).toString());
        plan.put("milestones", List.of(Map.of("title", "清淤", "due", 10)));
        plan.put("public", isPublic);
        ResponseEntity<JsonNode> started = post("leader1", "/api/plans", plan);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        return started.getBody();
    }

    @Test
    void aReplyWithNoPendingRequestIsKeptForTheHandler() {
        String phone = smsVillager();
        assertThat(textIn(UUID.randomUUID().toString(), phone, "你好").getBody().path("handledAs").asText()).isEqualTo("kept");
        String number = file(phone, "自来水发黄", "这几天自来水发黄，有味道", "water");
        ResponseEntity<JsonNode> reply = textIn(UUID.randomUUID().toString(), phone, "2");
        assertThat(reply.getBody().path("handledAs").asText()).isEqualTo("message");
        assertThat(status(number)).isEqualTo("received");
        JsonNode timeline = get(GRID, "/api/cases/" + number + "/timeline").getBody();
        assertThat(timeline.findValuesAsText("note")).contains("短信回复：2");
    }

    @Test
    void optingOutStopsTextsAlreadyQueuedAndTheAppCanBeTurnedOffToo() {
        String phone = smsVillager();
        String number = file(phone, "渠道堵了", "村西渠道被垃圾堵了", "water");
        sender.renderOwed(); // the 'received' text is queued
        ResponseEntity<JsonNode> off = put(phone, "/api/me/channels", Map.of("sms", false, "inApp", false));
        assertThat(off.getBody().path("sms").asBoolean()).isFalse();
        assertThat(get(phone, "/api/me/channels").getBody().path("inApp").asBoolean()).isFalse();
        sender.sendDue();
        assertThat(GATEWAY.requestsFor(phone)).isEmpty();
        assertThat(outboxOf(phone).get(0).path("status").asText()).isEqualTo("opted-out");

        step(GRID, number, Map.of("outcome", "accept"));
        assertThat(get(phone, "/api/notifications").getBody().findValuesAsText("caseNumber")).doesNotContain(number);
        assertThat(outboxOf(phone)).hasSize(1); // nothing queued for a channel nobody chose
    }

    @Test
    void quietHoursDeferTheTextToTheirEnd() {
        String phone = smsVillager();
        ResponseEntity<JsonNode> quiet = put(phone, "/api/me/channels", Map.of("quietHours", Map.of("from", "22:00", "to", "07:00")));
        assertThat(quiet.getBody().path("quietHours").path("from").asText()).isEqualTo("22:00");
        clockAt(LocalDateTime.of(2031, 3, 4, 23, 0));
        file(phone, "夜里停水", "晚上十点以后就停水", "water");
        sender.sendDue();
        assertThat(GATEWAY.requestsFor(phone)).isEmpty();
        JsonNode row = outboxOf(phone).get(0);
        assertThat(row.path("status").asText()).isEqualTo("pending");
        assertThat(row.path("attempts").asInt()).isZero();
        assertThat(OffsetDateTime.parse(row.path("nextAttemptAt").asText()).toInstant())
                .isEqualTo(LocalDateTime.of(2031, 3, 5, 7, 0).atZone(BEIJING).toInstant());

        clockAt(LocalDateTime.of(2031, 3, 5, 6, 59));
        sender.sendDue();
        assertThat(GATEWAY.requestsFor(phone)).isEmpty();
        clockAt(LocalDateTime.of(2031, 3, 5, 7, 1));
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).hasSize(1);
    }

    @Test
    void theDailyCapHolds() {
        clockAt(LocalDateTime.of(2031, 3, 6, 9, 0));
        String phone = smsVillager();
        for (int i = 1; i <= 6; i++) {
            file(phone, "问题" + i, "第" + i + "个问题的说明", "water");
        }
        sender.sendDue();
        clockPlusMinutes(10); // a try the loopback refused is retried after 30 s, the same morning
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).hasSize(5);
        // six 'received' texts, and one per public work plan of other tests that takes these water cases in: five
        // go out, every other one is capped
        List<String> statuses = outboxOf(phone).findValuesAsText("status");
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(6).containsOnly("accepted", "capped");
        assertThat(statuses.stream().filter("accepted"::equals).count()).isEqualTo(5);

        // a rating request asks for an answer: it goes out past the cap, or the case would wait unrated
        caseAwaitingRating(phone, "路灯不亮");
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).extracting(t -> t.path("text").asText())
                .contains("您反映的“路灯不亮”已办好。请回复1满意、2基本满意、3不满意。").hasSize(6);
    }

    @Test
    void callbacksNeedTheGatewaysSignature() {
        String body = "{\"id\":\"x1\",\"from\":\"13800000000\",\"text\":\"1\"}";
        ResponseEntity<JsonNode> unsigned = callback("/api/channels/sms/inbound", body, null);
        assertThat(unsigned.getStatusCode().value()).isEqualTo(401);
        assertThat(unsigned.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(callback("/api/channels/sms/inbound", body, "wrong-secret").getStatusCode().value()).isEqualTo(401);
        assertThat(callback("/api/channels/sms/receipts", "{\"id\":\"x\",\"status\":\"delivered\"}", null).getStatusCode().value())
                .isEqualTo(401);

        ResponseEntity<JsonNode> empty = callback("/api/channels/sms/inbound", "{\"text\":\" \"}", SECRET);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().toString()).contains("\"id\"", "\"from\"", "\"text\"");
        assertThat(callback("/api/channels/sms/inbound", "not json", SECRET).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aReceiptMarksTheTextDelivered() {
        String phone = smsVillager();
        file(phone, "井水浑浊", "井水浑浊不能喝", "water");
        sender.sendDue();
        String id = outboxOf(phone).get(0).path("id").asText();
        ResponseEntity<JsonNode> receipt = callback("/api/channels/sms/receipts",
                "{\"id\":\"" + id + "\",\"status\":\"delivered\"}", SECRET);
        assertThat(receipt.getBody().path("recorded").asInt()).isEqualTo(1);
        JsonNode row = outboxOf(phone).get(0);
        assertThat(row.path("status").asText()).isEqualTo("delivered");
        assertThat(row.path("deliveredAt").isMissingNode()).isFalse();
        assertThat(row.path("tries").findValuesAsText("outcome")).containsExactly("accepted", "receipt");
    }

    @Test
    void aLongTitleIsShortenedToFitOneSegment() {
        String phone = smsVillager();
        String title = "村里通往镇上的那条水泥路有好几处塌陷了下雨天积水很深老人孩子走路很危险希望尽快修一修";
        file(phone, title, "详细情况见标题", "water");
        sender.renderOwed();
        String text = outboxOf(phone).get(0).path("text").asText();
        assertThat(text.length() + MessageTemplates.SIGNATURE.length()).isLessThanOrEqualTo(MessageTemplates.SEGMENT);
        assertThat(text).startsWith("您反映的“村里通往镇上").contains("…”已收到");
    }

    @Test
    void anAnonymousReporterGetsTheirTextsAndNobodyElseTheirNumber() {
        String phone = smsVillager();
        ResponseEntity<JsonNode> filed = post(phone, "/api/cases", Map.of("title", "有人偷排污水", "description",
                "河边工厂夜里偷排污水", "category", "water", "anonymous", true));
        String number = filed.getBody().path("number").asText();
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).hasSize(1);
        textIn(UUID.randomUUID().toString(), phone, "晚上十一点最明显");
        for (String cadre : List.of(GRID, STAFF, "leader1")) {
            String seen = get(cadre, "/api/cases/" + number).getBody() + " " + get(cadre, "/api/cases/" + number + "/timeline").getBody();
            assertThat(seen).as(cadre).contains("晚上十一点最明显").doesNotContain(phone).contains("匿名群众");
        }
        assertThat(get(GRID, "/api/admin/channels/messages?caseNumber=" + number).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aVillagerWhoseAccountACadreOpenedHearsBySmsByDefault() {
        String phone = newPhone();
        ResponseEntity<JsonNode> opened = post(GRID, "/api/people/villagers", Map.of("phone", phone,
                "password", "opened-pass-2026", "displayName", "王大爷", "villageCode", VILLAGE));
        assertThat(opened.getStatusCode().value()).as(String.valueOf(opened.getBody())).isEqualTo(201);
        ResponseEntity<JsonNode> filed = post(GRID, "/api/cases", Map.of("title", "王大爷家没水", "description",
                "王大爷家水龙头不出水", "category", "water", "onBehalfOf", phone));
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).isNotEmpty();
        // the plan-linking job may also have told him his case joined a work plan of his village (another test's plan)
        assertThat(events(outboxOf(phone))).containsOnlyOnce("received").isSubsetOf("received", "plan-linked");
    }

    @Test
    void choicesAreCheckedFieldByField() {
        String noPhone = "villager1";
        ResponseEntity<JsonNode> sms = put(noPhone, "/api/me/channels", Map.of("sms", true));
        assertThat(sms.getStatusCode().value()).isEqualTo(400);
        assertThat(sms.getBody().toString()).contains("\"sms\"");
        ResponseEntity<JsonNode> wrong = put(noPhone, "/api/me/channels", Map.of("wechat", true,
                "quietHours", Map.of("from", "25:00", "to", "7点")));
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().toString()).contains("quietHours.from", "quietHours.to");
        JsonNode mine = get(noPhone, "/api/me/channels").getBody();
        assertThat(mine.path("inApp").asBoolean()).isTrue();
        assertThat(mine.path("sms").asBoolean()).isFalse();
    }

    @Test
    void adminsChangeTheWordsOnlyWithinOneSegmentAndKnownPlaceholders() {
        JsonNode all = get("admin", "/api/admin/channels/templates").getBody();
        assertThat(all.findValuesAsText("event")).contains("received", "accepted", "dispatched", "signed", "rate",
                "solved", "reopened", "plan-linked");
        assertThat(put(GRID, "/api/admin/channels/templates/received", Map.of("text", "x", "smsCode", "X"))
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> wrong = put("admin", "/api/admin/channels/templates/received", Map.of(
                "text", "您反映的“{title}”已收到，{villager}您好", "smsCode", "有 空格"));
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().toString()).contains("\"text\"", "\"smsCode\"");
        ResponseEntity<JsonNode> tooLong = put("admin", "/api/admin/channels/templates/received", Map.of(
                "text", "您反映的“{title}”已收到，编号{number}。我们会尽快安排工作人员与您联系，请保持电话畅通，谢谢您对我们工作的支持与理解。",
                "smsCode", "MQ_RECEIVED"));
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLong.getBody().toString()).contains("70");
        assertThat(put("admin", "/api/admin/channels/templates/nothing", Map.of("text", "x", "smsCode", "X"))
                .getStatusCode().value()).isEqualTo(404);

        JsonNode received = null;
        for (JsonNode t : all) {
            if (t.path("event").asText().equals("received")) {
                received = t;
            }
        }
        ResponseEntity<JsonNode> changed = put("admin", "/api/admin/channels/templates/received", Map.of(
                "text", "“{title}”已收到，编号{number}。", "smsCode", "SMS_0001"));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        try {
            String phone = smsVillager();
            String number = file(phone, "桥栏杆断了", "桥栏杆断了一截", "water");
            sender.renderOwed(); // the text is written by the sender's pass, with the template as it is then
            assertThat(outboxOf(phone).get(0).path("text").asText()).isEqualTo("“桥栏杆断了”已收到，编号" + number + "。");
            assertThat(outboxOf(phone).get(0).path("template").asText()).isEqualTo("SMS_0001");
        } finally {
            put("admin", "/api/admin/channels/templates/received", Map.of("text", received.path("text").asText(),
                    "smsCode", received.path("smsCode").asText()));
        }
    }
}
