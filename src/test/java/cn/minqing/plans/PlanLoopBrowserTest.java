package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Issue 15's "Done when", in a browser: leader1 starts a plan from a hot topic on the dashboard (click-through), sets
 * a target and two milestones; the matching cases are linked (as many as /api/search finds with the same filter); a
 * new matching report is linked within seconds; leader1 approves it on its task page; moving the clock past the first
 * milestone opens exactly one 督办 task, on leader1's workbench; the villager sees the plan on their case; the
 * monthly report's text (extracted from the PDF) names the plan and its effect.
 */
class PlanLoopBrowserTest extends ApiTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String VILLAGE = "QS01001"; // 李家村

    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromAHotTopicToAPlanItsCasesItsSupervisionAndItsEffect() throws Exception {
        String word = letters();
        String first = file("villager1", "村道塌陷 " + word, "村道塌了一块，" + word + "，车过不去。", "road");
        file("villager1", "村道积水 " + word, "村道积水很深，" + word + "。", "road");
        file("villager1", "村道裂缝 " + word, "村道开裂，" + word + "，越来越宽。", "road");
        String filter = "region=" + VILLAGE + "&category=road&q=" + word;
        await(Duration.ofSeconds(30), "leader1", "/api/search?" + filter, r -> r.get("total").asLong() == 3);
        String title = "李家村村道整治（" + word + "）";
        LocalDate today = LocalDate.now(BEIJING);

        long id;
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 2400)) {
            browser.login("leader1", PASSWORD).open("/dashboard?region=" + VILLAGE + "&category=road");
            assertThat(browser.find("#hot-topics").getText()).contains(word);
            browser.press("a.to-plan[aria-label='列入工作方案：" + word + "']");
            assertThat(browser.currentPath()).isEqualTo("/plans/new");
            assertThat(browser.find("#query").getAttribute("value")).isEqualTo(word);
            assertThat(browser.find("#source").getAttribute("value")).startsWith("热点问题：" + word);
            type(browser, "#title", title);
            type(browser, "#problem", "李家村村道塌陷、积水、开裂的诉求集中上升");
            browser.choose("#leadOrganisation", "QS01-GOV").choose("#indicator", "resolutionRate");
            type(browser, "#target", "0.9");
            browser.script("arguments[0].value = arguments[1]", browser.find("#targetDate"), today.plusDays(120).toString());
            type(browser, "#milestone-title-0", "逐段排查");
            type(browser, "#milestone-due-0", "3");
            type(browser, "#milestone-title-1", "完成修复");
            type(browser, "#milestone-due-1", "15");
            if (!browser.find("#isPublic").isSelected()) {
                browser.find("#isPublic").click();
            }
            browser.press("#start-plan");
            assertThat(browser.currentPath()).as(browser.find("body").getText()).matches("/plans/\\d+");
            id = Long.parseLong(browser.currentPath().substring("/plans/".length()));
            browser.screenshot("plan-loop-started");

            // the matching cases are linked: as many as the search finds with the same filter
            long found = get("leader1", "/api/search?" + filter).getBody().get("total").asLong();
            JsonNode plan = get("leader1", "/api/plans/" + id).getBody();
            assertThat(plan.get("linkedCases").asLong()).isEqualTo(found).isEqualTo(3);
            assertThat(plan.get("indicator").get("target").asDouble()).isEqualTo(0.9);
            assertThat(plan.get("milestones")).hasSize(2);
            assertThat(plan.get("public").asBoolean()).isTrue();

            // a new matching report is linked within seconds
            String fourth = file("villager1", "村道又塌了 " + word, "村道又塌了一处，" + word + "。", "road");
            await(Duration.ofSeconds(30), "leader1", "/api/plans/" + id, p -> p.get("linkedCases").asLong() == 4);
            assertThat(get("leader1", "/api/plans/" + id + "/cases").getBody().findValuesAsText("number")).contains(fourth);

            // leader1 approves the plan on its task page; its milestones start
            String approve = tasks.createTaskQuery().processInstanceBusinessKey("plan:" + id)
                    .taskDefinitionKey("approvePlan").singleResult().getId();
            browser.open("/plans/tasks/" + approve).press("#complete-task");
            assertThat(get("leader1", "/api/plans/" + id).getBody().get("status").asText()).isEqualTo("in-progress");

            // the clock passes the first milestone's due day: exactly one 督办 task, on leader1's workbench
            LocalDate due = LocalDate.parse(plan.get("milestones").get(0).get("due").asText());
            ClockUtil.setCurrentTime(Date.from(due.plusDays(1).atTime(10, 0).atZone(BEIJING).toInstant()));
            runDueJobs(id);
            runDueJobs(id);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey("plan:" + id)
                    .taskDefinitionKey("superviseMilestone").count()).isEqualTo(1);
            ClockUtil.reset();
            assertThat(get("leader1", "/api/plans/" + id).getBody().get("milestones").get(0).get("flag").asText())
                    .isEqualTo("red");
            browser.open("/workbench");
            assertThat(browser.find("body").getText()).contains("督办：里程碑超期");
            browser.screenshot("plan-loop-supervision");
        }

        // the villager sees the plan on their case
        try (Browser phone = new Browser("http://localhost:" + port, 360, 740)) {
            phone.login("villager1", PASSWORD).open("/workbench/cases/" + first);
            assertThat(phone.find("#case-plans").getText()).contains(title);
            phone.screenshot("plan-loop-villager");
        }

        // the monthly report names the plan and its effect
        ResponseEntity<byte[]> pdf = as("leader1").getForEntity("/api/reports/monthly?month=" + YearMonth.now(BEIJING)
                + "&region=QS01", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        String text = text(pdf.getBody()).replaceAll("\\s+", "");
        assertThat(text).contains("《" + title.replaceAll("\\s+", "") + "》", "《" + title.replaceAll("\\s+", "") + "》成效");
    }

    private static void type(Browser browser, String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Executes every job of the plan's process that is due now, as the job executor would. */
    private void runDueJobs(long planId) {
        String pi = tasks.createTaskQuery().processInstanceBusinessKey("plan:" + planId).list().stream()
                .map(t -> t.getProcessInstanceId()).findFirst().orElseThrow();
        List<Job> due = management.createJobQuery().processInstanceId(pi).executable().list();
        for (Job job : due) {
            management.executeJob(job.getId());
        }
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            all.append(extractor.getTextFromPage(p)).append('\n');
        }
        return all.toString();
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
