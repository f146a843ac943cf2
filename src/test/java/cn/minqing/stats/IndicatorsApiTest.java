package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The indicators of a fresh village whose six cases are walked through the real process to known
 * ends: the numbers must be exactly what the definitions say. (Every indicator on cases with exact
 * times, P90s included, is worked out by hand in {@link HandWorkedIndicatorsTest}.)
 */
class IndicatorsApiTest extends ApiTest {

    static final String VILLAGE = "QS06951";
    static final String GRID = "grid-" + VILLAGE;

    @Autowired
    Regions regions;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void village() {
        if (regions.find(VILLAGE).isEmpty()) {
            regions.save(new Region(VILLAGE, "指标测试村", "village", "QS06", 27.7, 113.1));
            accounts.create(GRID, encoder.encode(PASSWORD), "指标网格员", Set.of(Role.CADRE), VILLAGE, null);
            accounts.create("v-" + VILLAGE, encoder.encode(PASSWORD), "指标村民", Set.of(Role.VILLAGER), VILLAGE, null);
        }
    }

    @Test
    void theIndicatorsOfAVillageAreExactlyWhatTheDefinitionsSay() throws Exception {
        String villager = "v-" + VILLAGE;
        walkToRating(file(villager, "甲", "甲件", "road"), "satisfied");
        walkToRating(file(villager, "乙", "乙件", "road"), "basically");
        String c = file(villager, "丙", "丙件", "road");
        walkToVerify(c, "unsolvable");
        step(GRID, file(villager, "丁", "丁件", "road"), Map.of("outcome", "reject", "reason", "不属于受理范围"));
        String e = file(villager, "戊", "戊件", "farm-sales");
        step(GRID, e, Map.of("outcome", "accept"));
        step("staff-QS06", e, Map.of("outcome", "return", "reason", "请改派"));
        step("leader1", e, Map.of("organisation", "QS06-GOV"));
        step("staff-QS06", e, Map.of("outcome", "sign"));
        // 己: not satisfied at first; the process erases that rating and sends the case back (重办),
        // then the villager is satisfied with the second try
        String f = file(villager, "己", "己件", "road");
        walkToRating(f, "dissatisfied");
        step("staff-QS06", f, Map.of("report", "已返工"));
        step(GRID, f, Map.of("outcome", "solved", "note", "复核"));
        step("v-" + VILLAGE, f, Map.of("rating", "satisfied"));

        JsonNode row = get("leader1", "/api/stats/indicators?region=" + VILLAGE).getBody().get("rows").get(0);
        JsonNode now = row.get("current");
        assertThat(now.get("receivedCount").asLong()).isEqualTo(6);
        // solved 甲 乙 己 of closed 甲 乙 丙 己
        assertThat(now.get("resolutionRate").asDouble()).isEqualTo(0.75);
        // satisfied or basically: 甲 乙 己 = 3; evaluations: 3 final ratings + 己's dissatisfied one (its rework) = 4
        assertThat(now.get("satisfactionRate").asDouble()).isEqualTo(0.75);
        assertThat(now.get("feedbackRate").asDouble()).isEqualTo(1.0);
        // returned 戊 of dispatched 甲 乙 丙 戊 己
        assertThat(now.get("returnRate").asDouble()).isEqualTo(0.2);
        assertThat(now.get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(now.get("onTimeRate").asDouble()).isEqualTo(1.0);
        // reworked 己 of closed 4
        assertThat(now.get("reworkRate").asDouble()).isEqualTo(0.25);
        assertThat(now.get("openCount").asLong()).isEqualTo(1);
        assertThat(row.get("previous").get("receivedCount").asLong()).isZero();
        assertThat(row.get("change").get("receivedCount").asDouble()).isEqualTo(6.0);

        String csv = as("leader1").getForEntity("/api/stats/indicators?region=" + VILLAGE + "&format=csv", byte[].class)
                .getBody() == null ? "" : new String(as("leader1").getForEntity("/api/stats/indicators?region=" + VILLAGE
                + "&format=csv", byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(csv).contains("解决率 resolutionRate").contains("0.75");
        byte[] xlsx = as("leader1").getForEntity("/api/stats/indicators?region=" + VILLAGE + "&format=xlsx", byte[].class).getBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).isEqualTo(6.0);
        }

        // by period: all six fall in this month and this week
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        JsonNode byMonth = get("leader1", "/api/stats/indicators?groupBy=month&region=" + VILLAGE).getBody().get("rows");
        assertThat(byMonth.get(byMonth.size() - 1).get("key").asText()).isEqualTo(java.time.YearMonth.from(today).toString());
        assertThat(byMonth.findValues("current").stream().mapToLong(v -> v.get("receivedCount").asLong()).sum()).isEqualTo(6);
        JsonNode byWeek = get("leader1", "/api/stats/indicators?groupBy=week&region=" + VILLAGE).getBody().get("rows");
        assertThat(byWeek.get(byWeek.size() - 1).get("key").asText())
                .isEqualTo(today.with(java.time.DayOfWeek.MONDAY).toString());

        // time per stage: six accepted or rejected, five verifications (己 twice), four ratings (己 twice)
        JsonNode stages = get("leader1", "/api/stats/stages?region=" + VILLAGE).getBody();
        Map<String, JsonNode> byStage = new java.util.HashMap<>();
        stages.forEach(st -> byStage.put(st.get("stage").asText(), st));
        assertThat(byStage.get("accept").get("finished").asLong()).isEqualTo(6);
        assertThat(byStage.get("accept").get("name").asText()).isEqualTo("受理");
        assertThat(byStage.get("verify").get("finished").asLong()).isEqualTo(5);
        assertThat(byStage.get("feedback").get("finished").asLong()).isEqualTo(4);
        stages.forEach(st -> assertThat(st.has("avgHours") && st.has("p90Hours")).isTrue());
        String stagesCsv = new String(as("leader1").getForEntity("/api/stats/stages?format=csv&region=" + VILLAGE,
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(stagesCsv).contains("环节", "受理", "核实");

        // drill-down to the open ones: only the case signed for is still open
        // (the index follows the cases within seconds: wait for its final state, not for any moment with one open case,
        // which an earlier case not yet indexed as closed can also give)
        await(java.time.Duration.ofSeconds(20), "leader1", "/api/search?status=open&region=" + VILLAGE,
                r -> r.get("total").asLong() == 1 && r.at("/hits/0/number").asText().equals(e));
        assertThat(get("leader1", "/api/search?status=open&region=" + VILLAGE).getBody().at("/hits/0/number").asText())
                .isEqualTo(e);
    }

    @Test
    void groupsDefinitionsAndWhoMaySee() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        JsonNode byCategory = get("leader1", "/api/stats/indicators?groupBy=category&from=" + today.minusDays(179)
                + "&to=" + today).getBody();
        assertThat(byCategory.get("rows").size()).isGreaterThan(5);
        assertThat(byCategory.get("definitions").findValuesAsText("code")).contains("responseRate", "onTimeRate",
                "resolutionRate", "satisfactionRate", "reworkRate", "returnRate", "receivedCount")
                .doesNotContain("stageAvgHours");
        JsonNode library = get("leader1", "/api/stats/indicator-definitions").getBody();
        assertThat(library.findValuesAsText("code")).contains("receivedCount", "stageAvgHours", "stageP90Hours");
        assertThat(library.findValuesAsText("appliesTo")).contains("cases", "stage");
        assertThat(get("villager1", "/api/stats/indicators").getStatusCode().value()).isEqualTo(403);
        assertThat(get("township1", "/api/stats/indicators").getStatusCode().value()).isEqualTo(403);
        assertThat(get("leader1", "/api/stats/indicators?groupBy=planet").getStatusCode().value()).isEqualTo(400);
        assertThat(get("leader1", "/api/stats/indicators?from=2026-12-01&to=2026-11-01").getStatusCode().value()).isEqualTo(400);
        assertThat(get("leader1", "/api/stats/indicators?format=pdf").getStatusCode().value()).isEqualTo(400);
        assertThat(get("leader1", "/api/stats/stages?from=yesterday").getStatusCode().value()).isEqualTo(400);
        assertThat(get("township1", "/api/stats/stages").getStatusCode().value()).isEqualTo(403);
        assertThat(get("leader1", "/api/stats/indicators?from=0001-01-01&to=9999-12-31").getStatusCode().value())
                .as("at most ten years").isEqualTo(400);
        // by quarter: every quarter the period touches, empty ones too, each against the one before
        JsonNode quarters = get("leader1", "/api/stats/indicators?groupBy=quarter&from=2025-01-01&to=2025-12-31").getBody()
                .get("rows");
        assertThat(quarters.findValuesAsText("key")).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
    }

    private void walkToRating(String number, String rating) {
        walkToVerify(number, "solved");
        step("v-" + VILLAGE, number, Map.of("rating", rating));
    }

    private void walkToVerify(String number, String verdict) {
        step(GRID, number, Map.of("outcome", "accept"));
        step("staff-QS06", number, Map.of("outcome", "sign"));
        step("staff-QS06", number, Map.of("findings", "已查看"));
        step("staff-QS06", number, Map.of("plan", "修复", "cost", 100));
        step("staff-QS06", number, Map.of("report", "已修复"));
        step(GRID, number, Map.of("outcome", verdict, "note", "核实"));
    }

    private void step(String user, String number, Map<String, Object> form) {
        JsonNode task = get(user, "/api/tasks?caseNumber=" + number).getBody().get(0);
        assertThat(task).as(user + " has a task for " + number).isNotNull();
        assertThat(post(user, "/api/tasks/" + task.get("id").asText() + "/complete", form).getStatusCode().value())
                .as(user + " " + form).isEqualTo(200);
    }
}
