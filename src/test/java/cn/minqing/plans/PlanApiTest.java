package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.deadlines.Calendars;
import cn.minqing.deadlines.WorkCalendar;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** POST/GET /api/plans, hand linking and plans on a case: roles, scope per role, bad input, nothing half-stored. */
class PlanApiTest extends ApiTest {

    /** A leader of 青溪乡 (QS02) only. */
    static final String TOWNSHIP_LEADER = TownshipLeader.NAME;

    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calendars calendars;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void townshipLeader() {
        TownshipLeader.ensure(accounts, encoder, PASSWORD);
    }

    Map<String, Object> plan(String title, String region, boolean isPublic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("problem", "饮水供水类诉求环比上升 35%，集中在石门镇");
        body.put("source", "2026-11 月度分析报告：饮水供水类诉求上升");
        body.put("region", region);
        body.put("categories", List.of("water"));
        body.put("leadOrganisation", "QS-WATER");
        body.put("coOrganisations", List.of("QS01-GOV"));
        body.put("indicator", "resolutionRate");
        body.put("target", 0.9);
        body.put("targetDate", today.plusDays(90).toString());
        body.put("milestones", List.of(Map.of("title", "排查供水管网", "due", "5", "assignee", "county1"),
                Map.of("title", "完成管网改造", "due", 20)));
        body.put("public", isPublic);
        return body;
    }

    long start(String user, Map<String, Object> body) {
        ResponseEntity<JsonNode> r = post(user, "/api/plans", body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    long plans() {
        return jdbc.sql("select count(*) from minqing.work_plan").query(Long.class).single();
    }

    @Test
    void aLeaderStartsAPlanWithWorkingDayMilestones() {
        ResponseEntity<JsonNode> r = post("leader1", "/api/plans", plan("石门镇饮水安全专项行动", "QS01", true));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        JsonNode plan = r.getBody();
        assertThat(r.getHeaders().getLocation().getPath()).isEqualTo("/api/plans/" + plan.get("id").asLong());
        assertThat(plan.get("status").asText()).isEqualTo("draft");
        assertThat(plan.get("statusName").asText()).isEqualTo("草拟");
        assertThat(plan.get("linkedCases").isNumber()).isTrue();
        assertThat(plan.get("public").asBoolean()).isTrue();
        assertThat(plan.get("indicator").get("code").asText()).isEqualTo("resolutionRate");
        assertThat(plan.get("indicator").get("target").asDouble()).isEqualTo(0.9);
        WorkCalendar calendar = calendars.current();
        LocalDate first = calendar.plusWorkingDays(today.atStartOfDay(), 5).toLocalDate();
        LocalDate second = calendar.plusWorkingDays(today.atStartOfDay(), 20).toLocalDate();
        JsonNode milestones = plan.get("milestones");
        assertThat(milestones).hasSize(2);
        assertThat(milestones.get(0).get("due").asText()).isEqualTo(first.toString());
        assertThat(milestones.get(1).get("due").asText()).isEqualTo(second.toString());
        assertThat(milestones.get(0).get("status").asText()).isEqualTo("open");
        assertThat(milestones.get(0).get("flag").asText()).isEqualTo("none");
        assertThat(calendar.isWorkingDay(first) && calendar.isWorkingDay(second)).isTrue();

        JsonNode read = get("leader1", "/api/plans/" + plan.get("id").asLong()).getBody();
        assertThat(read.get("title").asText()).isEqualTo("石门镇饮水安全专项行动");
        assertThat(read.get("regionName").asText()).isEqualTo("石门镇");
        assertThat(read.get("categoryNames").get(0).asText()).isEqualTo("饮水供水");
        assertThat(get("leader1", "/api/plans?region=QS01&status=draft").getBody().findValuesAsText("title"))
                .contains("石门镇饮水安全专项行动");
        assertThat(get("admin", "/api/plans").getBody().findValuesAsText("title")).contains("石门镇饮水安全专项行动");
    }

    @Test
    void onlyLeadersAndAdminsStartPlansAndOnlyInTheirRegion() {
        long before = plans();
        for (String user : List.of("villager1", "grid1", "township1", "county1")) {
            assertThat(post(user, "/api/plans", plan("不该保存", "QS01", false)).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(post(TOWNSHIP_LEADER, "/api/plans", plan("不该保存", "QS01", false)).getStatusCode().value()).isEqualTo(403);
        assertThat(post(TOWNSHIP_LEADER, "/api/plans", plan("不该保存", "QS", false)).getStatusCode().value()).isEqualTo(403);
        assertThat(plans()).isEqualTo(before);
        start(TOWNSHIP_LEADER, plan("青溪乡饮水方案", "QS02", false));
        start("admin", plan("管理员的方案", "QS03", false));
        assertThat(plans()).isEqualTo(before + 2);
    }

    @Test
    void everyWrongFieldIsNamedInChineseAndNothingIsStored() {
        long before = plans();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", " ");
        body.put("problem", "x".repeat(2001));
        body.put("region", "QS99");
        body.put("categories", List.of("no-such-category"));
        body.put("leadOrganisation", "NOPE");
        body.put("indicator", "noSuchIndicator");
        body.put("target", "很多");
        body.put("targetDate", "2026-13-45");
        body.put("milestones", List.of(Map.of("title", "", "due", nonWorkingDay().toString(), "assignee", "nobody-here"),
                Map.of("title", "太晚", "due", "0")));
        ResponseEntity<JsonNode> r = post("leader1", "/api/plans", body);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("title", "problem",
                "region", "categories", "leadOrganisation", "indicator", "target", "targetDate", "milestones[0].title",
                "milestones[0].due", "milestones[0].assignee", "milestones[1].due");
        assertThat(r.getBody().toString()).contains("请填写此项", "不是工作日", "没有这个地区");

        Map<String, Object> rate = plan("比例目标超出", "QS01", false);
        rate.put("target", 90);
        rate.put("milestones", List.of());
        rate.put("categories", List.of());
        ResponseEntity<JsonNode> r2 = post("leader1", "/api/plans", rate);
        assertThat(r2.getStatusCode().value()).isEqualTo(400);
        assertThat(r2.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("target", "milestones",
                "categories");
        Map<String, Object> late = plan("里程碑晚于目标", "QS01", false);
        late.put("milestones", List.of(Map.of("title", "太晚", "due", today.plusDays(200).toString())));
        assertThat(post("leader1", "/api/plans", late).getBody().get("errors").findValuesAsText("field"))
                .contains("milestones[0].due");
        assertThat(plans()).isEqualTo(before);
    }

    @Test
    void nobodySeesPlansOutsideTheirRegionAndVillagersOnlyPublicOnes() {
        long shimen = start("leader1", plan("石门镇公开方案", "QS01", true));
        long shimenInternal = start("leader1", plan("石门镇内部方案", "QS01", false));
        long qingxi = start(TOWNSHIP_LEADER, plan("青溪乡公开方案", "QS02", true));
        Map<String, Object> countyWide = plan("全县公开方案", "QS", true);
        // words no report has: a public water plan of the whole county would take up every other test's water case
        // and text its reporter (the channel tests count their villagers' texts)
        countyWide.put("query", "qx" + java.util.UUID.randomUUID().toString().substring(0, 8));
        long county = start("leader1", countyWide);

        assertThat(status(TOWNSHIP_LEADER, "/api/plans/" + shimen)).isEqualTo(404);
        assertThat(status(TOWNSHIP_LEADER, "/api/plans/" + shimen + "/cases")).isEqualTo(404);
        assertThat(status(TOWNSHIP_LEADER, "/api/plans/" + qingxi)).isEqualTo(200);
        assertThat(status(TOWNSHIP_LEADER, "/api/plans/" + county)).isEqualTo(200);
        assertThat(ids(TOWNSHIP_LEADER, "/api/plans")).contains(qingxi, county).doesNotContain(shimen, shimenInternal);

        assertThat(ids("villager1", "/api/plans")).contains(shimen, county).doesNotContain(shimenInternal, qingxi);
        assertThat(status("villager1", "/api/plans/" + shimenInternal)).isEqualTo(404);
        assertThat(status("villager1", "/api/plans/" + qingxi)).isEqualTo(404);
        assertThat(ids("villager2", "/api/plans")).contains(qingxi, county).doesNotContain(shimen, shimenInternal);
        assertThat(get("villager1", "/api/plans/" + shimen).getBody().get("milestones").get(0).has("assignee")).isFalse();

        assertThat(ids("grid1", "/api/plans")).contains(shimen, shimenInternal, county).doesNotContain(qingxi);
        assertThat(ids("leader1", "/api/plans")).contains(shimen, shimenInternal, qingxi, county);
        assertThat(ids("leader1", "/api/plans?region=QS02")).contains(qingxi).doesNotContain(shimen, county);
        ResponseEntity<JsonNode> bad = get("leader1", "/api/plans?region=QS99&status=sleeping");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("region", "status");
        assertThat(status("leader1", "/api/plans/987654321")).isEqualTo(404);
    }

    @Test
    void casesAreLinkedAndUnlinkedByHandWithAReasonAndShowTheirPlans() {
        // plans about electricity: the cases below are outside their scope, so only a hand links them
        Map<String, Object> openPlan = plan("手工关联公开方案", "QS01", true);
        openPlan.put("categories", List.of("power"));
        Map<String, Object> internalPlan = plan("手工关联内部方案", "QS01", false);
        internalPlan.put("categories", List.of("power"));
        long open = start("leader1", openPlan);
        long internal = start("leader1", internalPlan);
        // sanitation: no plan of any test has it in its scope, so nothing links these cases automatically
        String mine = file("villager1", "村口垃圾没人清运", "村口垃圾堆了一个星期没人清运。", "sanitation");
        String elsewhere = file("villager2", "枫树坪村垃圾成堆", "枫树坪村垃圾成堆没人管。", "sanitation");

        ResponseEntity<JsonNode> missing = post("grid1", "/api/plans/" + open + "/cases", Map.of("number", " "));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("number", "reason");
        assertThat(post("villager1", "/api/plans/" + open + "/cases", Map.of("number", mine, "reason", "我的")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("grid1", "/api/plans/" + open + "/cases", Map.of("number", elsewhere, "reason", "不在辖区")).getStatusCode().value())
                .isEqualTo(404);

        ResponseEntity<JsonNode> linked = post("grid1", "/api/plans/" + open + "/cases", Map.of("number", mine, "reason", "同一片区的环境整治"));
        assertThat(linked.getStatusCode().value()).as(String.valueOf(linked.getBody())).isEqualTo(201);
        assertThat(linked.getBody().get("how").asText()).isEqualTo("hand");
        assertThat(post("grid1", "/api/plans/" + open + "/cases", Map.of("number", mine, "reason", "再来一次")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(post("leader1", "/api/plans/" + internal + "/cases", Map.of("number", mine, "reason", "内部跟踪")).getStatusCode().value())
                .isEqualTo(201);

        JsonNode cases = get("leader1", "/api/plans/" + open + "/cases").getBody();
        assertThat(cases.findValuesAsText("number")).contains(mine);
        assertThat(cases.toString()).doesNotContain("villager1", "李建国");
        assertThat(get("leader1", "/api/plans/" + open).getBody().get("linkedCases").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode asVillager = get("villager1", "/api/cases/" + mine).getBody();
        assertThat(asVillager.get("plans").findValuesAsText("title")).containsExactly("手工关联公开方案");
        assertThat(asVillager.get("plans").get(0).get("public").asBoolean()).isTrue();
        assertThat(get("leader1", "/api/cases/" + mine).getBody().get("plans").findValuesAsText("title"))
                .contains("手工关联公开方案", "手工关联内部方案");
        assertThat(get("villager1", "/api/cases").getBody().get(0).has("plans")).isFalse();

        assertThat(delete("grid1", "/api/plans/" + open + "/cases/" + mine, null)).isEqualTo(400);
        assertThat(delete("grid1", "/api/plans/" + open + "/cases/" + mine + "?reason=不属于这项整治", null)).isEqualTo(204);
        assertThat(delete("leader1", "/api/plans/" + internal + "/cases", Map.of("number", mine, "reason", "已解决"))).isEqualTo(204);
        assertThat(delete("grid1", "/api/plans/" + open + "/cases/" + mine + "?reason=再删", null)).isEqualTo(404);
        assertThat(get("leader1", "/api/plans/" + open + "/cases").getBody().findValuesAsText("number")).doesNotContain(mine);
        assertThat(get("villager1", "/api/cases/" + mine).getBody().get("plans")).isEmpty();
        assertThat(jdbc.sql("select count(*) from minqing.audit_log where action in ('plan.caseLinked', 'plan.caseUnlinked') and detail like ?")
                .param(mine + "%").query(Long.class).single()).isEqualTo(4);
    }

    private LocalDate nonWorkingDay() {
        WorkCalendar calendar = calendars.current();
        LocalDate d = today.plusDays(1);
        while (calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private int status(String user, String path) {
        return get(user, path).getStatusCode().value();
    }

    private int delete(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.DELETE, new HttpEntity<>(body), JsonNode.class).getStatusCode().value();
    }

    private List<Long> ids(String user, String path) {
        ResponseEntity<JsonNode> r = get(user, path);
        assertThat(r.getStatusCode().value()).as(user + " " + r.getBody()).isEqualTo(200);
        return r.getBody().findValues("id").stream().map(JsonNode::asLong).toList();
    }
}
