package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 挂账 (issue 15): township1, handling a road case, defers it to a public road plan of 石门镇 until a date. Its task
 * leaves the task list and its clock stands still; the villager sees the plan and the date; the case counts as
 * deferred in the indicators and in the index; on the date (processes/case-deferral.bpmn's timer) it comes back with
 * its deadline moved on. Bad input names every field and stores nothing; only its handler defers it, within scope.
 */
class DeferralTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String VILLAGE = "QS01001"; // 李家村, villager1's village

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient client;

    final LocalDate today = LocalDate.now(ZONE);

    @Autowired
    cn.minqing.people.UserAccounts accounts;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @org.junit.jupiter.api.BeforeEach
    void townshipLeader() {
        TownshipLeader.ensure(accounts, encoder, PASSWORD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aDeferredCaseLeavesTheTaskListAndComesBackOnItsDate() throws Exception {
        long plan = roadPlan("石门镇村道硬化工程", "QS01", true);
        String number = signedCase("村道坑洼", "去镇上的村道坑洼不平，下雨全是泥。");
        String pi = processOf(number);
        long deferredBefore = deferredCount(number);
        String until = today.plusDays(10).toString();

        ResponseEntity<JsonNode> r = defer("township1", number, plan, until, "列入明年村道硬化工程统一施工");
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        assertThat(r.getBody().get("plan").asLong()).isEqualTo(plan);
        assertThat(r.getBody().get("planTitle").asText()).isEqualTo("石门镇村道硬化工程");

        assertThat(get("township1", "/api/tasks?caseNumber=" + number).getBody()).as("off the task list").isEmpty();
        assertThat(get("admin", "/api/tasks?caseNumber=" + number).getBody()).isEmpty();
        assertThat(timer(pi, "deadlinePassed").getDuedate()).as("the clock stands still")
                .isAfter(Date.from(Instant.parse("2999-01-01T00:00:00Z")));
        assertThat(defer("township1", number, plan, until, "再挂一次").getStatusCode().value()).isEqualTo(409);

        // the villager sees the plan and the date, on the API and on the phone page
        JsonNode mine = get("villager1", "/api/cases/" + number).getBody();
        OffsetDateTime back = OffsetDateTime.parse(mine.at("/handling/deferredUntil").asText());
        assertThat(back.atZoneSameInstant(ZONE).toLocalDate().toString()).isEqualTo(until);
        assertThat(mine.at("/handling/deferrals").asInt()).isEqualTo(1);
        JsonNode onCase = mine.get("plans").get(0);
        assertThat(onCase.get("id").asLong()).isEqualTo(plan);
        assertThat(onCase.get("deferredUntil").isNull()).isFalse();
        String page = signedIn("villager1").get("/workbench/cases/" + number).body();
        assertThat(page).contains("id=\"case-deferral\"").contains("石门镇村道硬化工程")
                .contains(back.atZoneSameInstant(ZONE).getYear() + "年");
        assertThat(get("admin", "/api/plans/" + plan + "/cases").getBody().findValuesAsText("number")).contains(number);
        // ... and hears of it in the app: the public plan and the date, no cadre named
        String shownDay = back.atZoneSameInstant(ZONE).format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
        assertThat(notices("villager1", number)).anySatisfy(t -> assertThat(t)
                .contains("已列入工作方案《石门镇村道硬化工程》", "计划于" + shownDay + "恢复办理")
                .doesNotContain("township1", cadreName("township1")));
        // cadres and leaders see the deferred case on the plan page; the villager's public page never lists it
        for (String cadre : List.of("leader1", "township1", "admin")) {
            assertThat(signedIn(cadre).get("/plans/" + plan).body()).as(cadre).contains("id=\"deferred-cases\"", number,
                    "列入明年村道硬化工程统一施工");
        }
        assertThat(signedIn(PlanApiTest.TOWNSHIP_LEADER).get("/plans/" + plan).statusCode()).isEqualTo(404);
        WebSession villagerPages = signedIn("villager1");
        assertThat(villagerPages.get("/plans/" + plan).statusCode()).isEqualTo(302);
        assertThat(villagerPages.get("/my/plans/" + plan).body()).doesNotContain("deferred-cases", number, "列入明年村道硬化工程统一施工");

        // counted apart: deferred, not solved or unsolvable; the index says the same
        assertThat(deferredCount(number)).isEqualTo(deferredBefore + 1);
        assertThat(indexed(number, doc -> Boolean.TRUE.equals(handling(doc).get("deferred")))).isTrue();

        // the date comes: the plan's timer brings the case back, its deadline moved on by the time it stood still
        ClockUtil.setCurrentTime(Date.from(back.toInstant().plusSeconds(60)));
        String deferral = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("deferral:" + r.getBody().get("id").asLong()).singleResult().getId();
        Job planned = timer(deferral, "plannedDate");
        assertThat(planned.getDuedate()).isEqualTo(Date.from(back.toInstant()));
        management.executeJob(planned.getId());

        JsonNode tasks = get("township1", "/api/tasks?caseNumber=" + number).getBody();
        assertThat(tasks.findValuesAsText("stage")).as("the task is back").containsExactly("investigate");
        JsonNode after = get("admin", "/api/cases/" + number).getBody();
        assertThat(after.at("/handling/deferredUntil").isNull() || after.at("/handling/deferredUntil").isMissingNode()).isTrue();
        assertThat(after.at("/handling/suspendedHours").asDouble()).isGreaterThan(9 * 24.0);
        assertThat(timer(pi, "deadlinePassed").getDuedate()).isEqualTo(Date.from(OffsetDateTime.parse(
                after.at("/handling/resolveDue").asText()).toInstant()));
        assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .containsSubsequence("deferred", "deferral-ended");
        assertThat(notices("villager1", number)).anySatisfy(t -> assertThat(t)
                .isEqualTo("您反映的“村道坑洼”已恢复办理（工作方案《石门镇村道硬化工程》）。"));
        ClockUtil.reset();
        assertThat(signedIn("leader1").get("/plans/" + plan).body()).as("back: no longer listed as deferred")
                .doesNotContain("id=\"deferred-cases\"");
        assertThat(deferredCount(number)).isEqualTo(deferredBefore);
        assertThat(indexed(number, doc -> Boolean.FALSE.equals(handling(doc).get("deferred"))
                && Integer.valueOf(1).equals(handling(doc).get("deferrals")))).isTrue();
    }

    @Test
    void aCadreCallsADeferredCaseBackEarly() {
        long plan = roadPlan("石门镇桥梁维修计划", "QS01", false);
        String number = signedCase("小桥栏杆断了", "村口小桥的栏杆断了一截。");
        assertThat(defer("township1", number, plan, today.plusDays(20).toString(), "并入桥梁维修计划").getStatusCode().value())
                .isEqualTo(201);
        // a plan that is not public: the villager sees the date, not the plan
        JsonNode mine = get("villager1", "/api/cases/" + number).getBody();
        assertThat(mine.at("/handling/deferredUntil").asText()).isNotBlank();
        assertThat(mine.get("plans").findValuesAsText("title")).doesNotContain("石门镇桥梁维修计划");
        assertThat(notices("villager1", number)).anySatisfy(t -> assertThat(t).startsWith("您反映的“小桥栏杆断了”已列入工作方案，计划于"))
                .noneSatisfy(t -> assertThat(t).contains("石门镇桥梁维修计划"));
        assertThat(delete("villager1", number).getStatusCode().value()).isEqualTo(403);
        assertThat(delete("grid1", number).getStatusCode().value()).isEqualTo(403);
        assertThat(delete("villager2", number).getStatusCode().value()).isEqualTo(404);
        assertThat(delete("township1", number).getStatusCode().value()).isEqualTo(204);
        assertThat(notices("villager1", number)).contains("您反映的“小桥栏杆断了”已恢复办理。");
        assertThat(get("township1", "/api/tasks?caseNumber=" + number).getBody().findValuesAsText("stage")).contains("investigate");
        assertThat(delete("township1", number).getStatusCode().value()).as("no longer deferred").isEqualTo(409);
    }

    @Test
    void aCountyPlansDeferredCasesShowOnlyToThoseWhoMaySeeThem() {
        long plan = roadPlanAs("leader1", "全县农村公路提升行动", "QS", false);
        String number = signedCase("桥头路基下沉", "桥头路基下沉，车辆颠簸。");
        assertThat(defer("township1", number, plan, today.plusDays(15).toString(), "并入全县农村公路提升行动").getStatusCode().value())
                .isEqualTo(201);
        assertThat(signedIn("township1").get("/plans/" + plan).body()).contains("id=\"deferred-cases\"", number);
        assertThat(signedIn("leader1").get("/plans/" + plan).body()).contains(number);
        // 青溪乡's staff read the county plan, but a case of 石门镇 is not theirs to see
        String qingxi = signedIn("staff-QS02").get("/plans/" + plan).body();
        assertThat(qingxi).contains("全县农村公路提升行动").doesNotContain(number, "并入全县农村公路提升行动", "id=\"deferred-cases\"");
        // a plan that is not public: the villager hears the date, not the plan
        assertThat(notices("villager1", number)).anySatisfy(t -> assertThat(t).contains("已列入工作方案，计划于"))
                .noneSatisfy(t -> assertThat(t).contains("全县农村公路提升行动"));
    }

    @Test
    void badInputNamesEveryFieldAndStoresNothing() {
        long plan = roadPlan("石门镇路灯安装", "QS01", true);
        String number = signedCase("路灯不亮", "村委会门口路灯坏了半年。");
        long rows = deferrals();
        ResponseEntity<JsonNode> empty = post("township1", "/api/cases/" + number + "/deferral", Map.of());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(empty.getBody().toString()).contains("\"plan\"").contains("\"until\"").contains("\"reason\"");
        assertThat(defer("township1", number, plan, "2020-01-01", "过去").getStatusCode().value()).isEqualTo(400);
        assertThat(defer("township1", number, plan, "明天", "x").getBody().toString()).contains("until");
        ResponseEntity<JsonNode> late = defer("township1", number, plan, today.plusDays(200).toString(), "太晚");
        assertThat(late.getStatusCode().value()).isEqualTo(400);
        assertThat(late.getBody().toString()).contains("until").doesNotContain("\"plan\"");
        assertThat(defer("township1", number, 987654321L, today.plusDays(5).toString(), "没有这个方案").getBody().toString())
                .contains("plan");
        long otherTownship = roadPlanAs("admin", "青溪乡道路方案", "QS02", true);
        assertThat(defer("township1", number, otherTownship, today.plusDays(5).toString(), "别的乡的方案").getStatusCode().value())
                .as("a plan the cadre may not see is named as not found").isEqualTo(400);
        assertThat(deferrals()).isEqualTo(rows);
        assertThat(get("admin", "/api/cases/" + number).getBody().at("/handling/deferrals").asInt()).isZero();
        assertThat(get("township1", "/api/tasks?caseNumber=" + number).getBody()).isNotEmpty();
    }

    @Test
    void onlyItsHandlerDefersACaseWithinScope() {
        long plan = roadPlan("石门镇排水沟整治", "QS01", true);
        String number = signedCase("排水沟堵了", "排水沟堵了，雨水漫进院子。");
        String until = today.plusDays(5).toString();
        long rows = deferrals();
        assertThat(defer("villager1", number, plan, until, "x").getStatusCode().value()).isEqualTo(403);
        assertThat(defer("grid1", number, plan, until, "x").getStatusCode().value()).isEqualTo(403);
        assertThat(defer("leader1", number, plan, until, "x").getStatusCode().value()).isEqualTo(403);
        assertThat(defer("villager2", number, plan, until, "x").getStatusCode().value()).isEqualTo(404);
        assertThat(defer(PlanApiTest.TOWNSHIP_LEADER, number, plan, until, "x").getStatusCode().value()).isEqualTo(404);
        assertThat(defer("county1", number, plan, until, "x").getStatusCode().value()).isIn(403, 404);
        assertThat(deferrals()).isEqualTo(rows);
    }

    @Test
    void theWorkbenchFormDefersAndNamesWrongFields() {
        long plan = roadPlan("石门镇垃圾清运方案", "QS01", true);
        String number = signedCase("垃圾没人清", "村头垃圾堆了一个月。");
        WebSession township = signedIn("township1");
        String casePage = township.get("/workbench/cases/" + number).body();
        assertThat(casePage).contains("id=\"to-deferral\"");
        String form = "/plans/deferral?case=" + number;
        String page = township.get(form).body();
        assertThat(page).contains("id=\"deferral-form\"").contains("石门镇垃圾清运方案");

        HttpResponse<String> wrong = township.submit(form, form, Map.of("plan", String.valueOf(plan), "until", "", "reason", ""));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("请填写计划恢复办理的日期").contains("请填写此项");
        assertThat(get("admin", "/api/cases/" + number).getBody().at("/handling/deferrals").asInt()).isZero();

        HttpResponse<String> done = township.submit(form, form, Map.of("plan", String.valueOf(plan),
                "until", today.plusDays(7).toString(), "reason", "统一清运"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(done)).isEqualTo("/workbench/cases/" + number);
        assertThat(township.get("/workbench/cases/" + number).body()).contains("id=\"deferred-until\"");
        // a grid member may read the case but not defer it
        assertThat(signedIn("grid1").get(form).body()).contains("id=\"no-defer\"").doesNotContain("id=\"deferral-form\"");
        assertThat(signedIn("villager2").get(form).statusCode()).isIn(403, 404);
    }

    private long roadPlan(String title, String region, boolean isPublic) {
        return roadPlanAs("leader1", title, region, isPublic);
    }

    private long roadPlanAs(String user, String title, String region, boolean isPublic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("problem", "道路类诉求集中");
        body.put("source", "测试");
        body.put("region", region);
        body.put("categories", List.of("road"));
        body.put("query", title);
        body.put("leadOrganisation", region.equals("QS01") ? "QS01-GOV" : "QS02-GOV");
        body.put("indicator", "resolutionRate");
        body.put("target", 0.9);
        body.put("targetDate", today.plusDays(90).toString());
        body.put("milestones", List.of(Map.of("title", "摸排", "due", 10)));
        body.put("public", isPublic);
        ResponseEntity<JsonNode> r = post(user, "/api/plans", body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    private String signedCase(String title, String description) {
        String number = file("villager1", title, description, "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        return number;
    }

    private ResponseEntity<JsonNode> defer(String user, String number, long plan, String until, String reason) {
        return post(user, "/api/cases/" + number + "/deferral", Map.of("plan", plan, "until", until, "reason", reason));
    }

    private ResponseEntity<JsonNode> delete(String user, String number) {
        return as(user).exchange("/api/cases/" + number + "/deferral", HttpMethod.DELETE, HttpEntity.EMPTY, JsonNode.class);
    }

    /** The texts of the person's in-app messages about the case. */
    private List<String> notices(String user, String number) {
        List<String> texts = new java.util.ArrayList<>();
        for (JsonNode n : get(user, "/api/notifications").getBody()) {
            if (n.get("caseNumber").asText().equals(number)) {
                texts.add(n.get("text").asText());
            }
        }
        return texts;
    }

    private String cadreName(String username) {
        return jdbc.sql("select display_name from minqing.app_user where username = ?").param(username).query(String.class).single();
    }

    private long deferrals() {
        return jdbc.sql("select count(*) from minqing.case_deferral").query(Long.class).single();
    }

    /** 挂账件数 of the case's village, this month, from the indicator library. */
    private long deferredCount(String number) {
        return get("leader1", "/api/stats/indicators?region=" + VILLAGE + "&category=road").getBody()
                .get("rows").get(0).get("current").get("deferredCount").asLong();
    }

    private String processOf(String number) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("grassroots-case")
                .processInstanceBusinessKey(number).singleResult().getId();
    }

    private Job timer(String processInstanceId, String activity) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activity).timers().singleResult();
    }

    private WebSession signedIn(String user) {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login(user, PASSWORD))).isEqualTo("/");
        return session;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> handling(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("handling");
    }

    /** Waits (30 s at most) until the index holds the case in the state the condition describes. */
    @SuppressWarnings("unchecked")
    private boolean indexed(String number, java.util.function.Predicate<Map<String, Object>> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var doc = client.get(g -> g.index("cases").id(number), Map.class);
            if (doc.found() && condition.test((Map<String, Object>) doc.source())) {
                return true;
            }
            sleep(200);
        }
        return false;
    }
}
