package cn.minqing.plans;

import static cn.minqing.support.PdfText.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly report's work-plan sections (text extracted from the PDF): the plan started, its overdue milestone,
 * its effect against its target, and the plans' indicators in the library.
 */
class PlanReportTest extends ApiTest {

    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMonthlyReportNamesThePlanItsMissedMilestoneAndItsEffect() throws Exception {
        String title = "供水整治" + ThreadLocalRandom.current().nextInt(1000, 9999);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("problem", "饮水供水类诉求上升");
        body.put("region", "QS01");
        body.put("categories", List.of("water"));
        body.put("leadOrganisation", "QS-WATER");
        body.put("indicator", "resolutionRate");
        body.put("target", 0.9);
        body.put("targetDate", today.plusDays(90).toString());
        body.put("milestones", List.of(Map.of("title", "排查管网", "due", 5), Map.of("title", "改造完成", "due", 20)));
        ResponseEntity<JsonNode> started = post("leader1", "/api/plans", body);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        long id = started.getBody().get("id").asLong();
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey("plan:" + id).taskDefinitionKey("approvePlan")
                .singleResult().getId());
        // the first milestone's due day passed yesterday without a report
        LocalDate yesterday = today.minusDays(1);
        jdbc.sql("update minqing.plan_milestone set due = ? where plan_id = ? and seq = 1").params(yesterday, id).update();
        YearMonth month = YearMonth.from(yesterday);

        ResponseEntity<byte[]> pdf = as("leader1").getForEntity("/api/reports/monthly?month=" + month + "&region=QS01", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        String text = text(pdf.getBody()).replaceAll("\\s+", "");
        assertThat(text).contains("、工作方案", "新制定工作方案", "《" + title + "》",
                "超期：《" + title + "》的“排查管网”（" + yesterday + "到期），尚未完成",
                "《" + title + "》成效：解决率实施前", "实施以来", "目标90.0%", "里程碑按时完成率", "方案目标达成率",
                "、建议列入工作方案");
        // a plan of 石门镇 is not in 青溪乡's report
        String qingxi = text(as("leader1").getForEntity("/api/reports/monthly?month=" + month + "&region=QS02", byte[].class)
                .getBody()).replaceAll("\\s+", "");
        assertThat(qingxi).contains("、工作方案").doesNotContain(title);

        JsonNode library = get("leader1", "/api/stats/indicator-definitions").getBody();
        assertThat(library.findValuesAsText("code")).contains("plansStarted", "planMilestonesOnTime", "planTargetsMet");
        assertThat(library.findValuesAsText("appliesTo")).contains("cases", "stage", "plans");
    }
}
