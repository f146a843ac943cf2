package cn.minqing.plans;

import static cn.minqing.support.PdfText.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The "Done when", in the browser: leader1 finds a rising category on the dashboard (热点问题), clicks
 * 列入工作方案, sets a target and two milestones on the prefilled form and starts the plan; the plan links what
 * {@code /api/search} finds for the same filter, and a new matching report within seconds; once the clock is past
 * the first milestone's due day exactly one 督办 task opens (on the leader's workbench); the villager who reported a
 * linked case sees the plan on their case page; the monthly report's text names the plan, its overdue milestone and
 * its effect. Everything is checked on this test's own plan and cases (the test database is shared).
 */
class PlanLoopBrowserTest extends ApiTest {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    final String word = letters();
    final String title = "石门镇道路整治（" + word + "）";

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromTheDashboardsFindingToThePlanItsTasksTheVillagerAndTheReport() throws Exception {
        LocalDate today = LocalDate.now(COUNTY);
        String dashboard = "/dashboard?region=QS01&from=" + today + "&to=" + today;
        List<String> mine = new ArrayList<>();
        mine.add(file("villager1", "村道坑洼 " + word, "进村道路坑洼不平，雨天积水，" + word + "。", "road"));
        mine.add(file("villager1", "桥面破损 " + word, "村口小桥桥面破损，" + word + "。", "road"));

        try (Browser browser = new Browser("http://localhost:" + port, 1280, 2400)) {
            browser.login("leader1", PASSWORD);
            // the dashboard lists 道路桥梁 as rising today against yesterday; other tests' data may have filed more road
            // cases yesterday, so this test files (its own, with its word) until today's count is above yesterday's
            String link = "a.to-plan[aria-label='列入工作方案：道路桥梁']";
            for (int round = 0; !listed(browser.open(dashboard), link); round++) {
                assertThat(round).as("道路桥梁 never rose on the dashboard").isLessThan(6);
                long yesterday = total("/api/search?region=QS01&category=road&from=" + today.minusDays(1) + "&to=" + today.minusDays(1));
                long now = total("/api/search?region=QS01&category=road&from=" + today + "&to=" + today);
                for (long i = 0; i <= Math.min(40, yesterday - now); i++) {
                    mine.add(file("villager1", "路面塌陷 " + word + " " + i, "村道路面塌陷，" + word + "。", "road"));
                }
                int filed = mine.size();
                await(Duration.ofSeconds(20), "leader1", "/api/search?region=QS01&category=road&q=" + word,
                        r -> r.get("total").asLong() >= filed);
            }
            browser.screenshot("plan-loop-dashboard");
            browser.press(link);

            // the form comes prefilled from the finding: the township, the category, where it came from
            assertThat(browser.currentPath()).startsWith("/plans/new?");
            assertThat(browser.find("#source").getAttribute("value")).startsWith("热点问题：道路桥梁类诉求上升（").contains(" 件）");
            assertThat(browser.find("#region").getAttribute("value")).isEqualTo("QS01");
            assertThat(browser.script("return [...document.getElementById('categories').selectedOptions].map(o => o.value)"))
                    .isEqualTo(List.of("road"));
            browser.find("#title").sendKeys(title);
            browser.find("#problem").sendKeys("道路桥梁类诉求上升，集中在石门镇");
            browser.find("#query").sendKeys(word);
            browser.choose("#leadOrganisation", "QS01-GOV").choose("#indicator", "resolutionRate");
            browser.find("#target").sendKeys("0.9");
            browser.script("document.getElementById('targetDate').value = arguments[0]", today.plusDays(120).toString());
            browser.find("#milestone-title-0").sendKeys("排查破损路段");
            browser.find("#milestone-due-0").sendKeys("5");
            browser.find("#milestone-title-1").sendKeys("完成道路修补");
            browser.find("#milestone-due-1").sendKeys("30");
            // choosing an owning 党支部 narrows the milestone pickers to its party members; this plan keeps none
            browser.choose("#ownerBranch", "QS01001-PB");
            assertThat(browser.script("""
                    return [...document.querySelectorAll('#milestone-assignee-0 optgroup')]
                      .filter(g => !g.hidden).map(g => g.dataset.branch)""")).isEqualTo(List.of("QS01001-PB"));
            browser.choose("#ownerBranch", "");
            assertThat(((Number) browser.script("return document.querySelectorAll('#milestone-assignee-0 optgroup[hidden]').length"))
                    .intValue()).isZero();
            browser.find("#isPublic").click();
            browser.screenshot("plan-loop-form");
            browser.press("#start-plan");

            assertThat(browser.currentPath()).as(browser.text("main")).matches("/plans/\\d+");
            long id = Long.parseLong(browser.currentPath().substring("/plans/".length()));
            assertThat(browser.text("#plan-title")).isEqualTo(title);
            String sameFilter = "/api/search?region=QS01&category=road&q=" + word;
            long found = total(sameFilter);
            assertThat(found).isEqualTo(mine.size());
            assertThat(Long.parseLong(browser.text("#linked-count"))).isEqualTo(found);
            assertThat(get("leader1", "/api/plans/" + id).getBody().get("linkedCases").asLong()).isEqualTo(found);

            // a new matching report is linked within seconds (indexed through the outbox, then matched by the plan)
            String late = file("villager1", "护栏缺失 " + word, "桥边护栏缺失，孩子上学危险，" + word + "。", "road");
            long filedAt = System.nanoTime();
            await(Duration.ofSeconds(20), "leader1", "/api/plans/" + id + "/cases",
                    r -> r.findValuesAsText("number").contains(late));
            long seconds = Duration.ofNanos(System.nanoTime() - filedAt).toSeconds();
            assertThat(seconds).as("linked within seconds").isLessThan(20);
            browser.open("/plans/" + id);
            assertThat(browser.text("#linked-cases")).contains(late);
            assertThat(Long.parseLong(browser.text("#linked-count"))).isEqualTo(total(sameFilter)).isEqualTo(found + 1);

            // the leader approves the plan from the workbench
            browser.open("/workbench");
            browser.press(taskLink(browser, "审批工作方案"));
            browser.find("#comment").sendKeys("同意实施");
            browser.press("#complete-task");
            assertThat(browser.currentPath()).isEqualTo("/plans/" + id);
            assertThat(browser.text("#plan-status")).isEqualTo("实施中");

            // past the first milestone's due day: red, and exactly one 督办, however often the jobs are looked at
            String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("plan:" + id).singleResult().getId();
            LocalDate due = LocalDate.parse(get("leader1", "/api/plans/" + id).getBody().get("milestones").get(0).get("due").asText());
            ClockUtil.setCurrentTime(Date.from(due.plusDays(1).atTime(9, 0).atZone(COUNTY).toInstant()));
            runDueJobs(pi);
            runDueJobs(pi);
            ClockUtil.setCurrentTime(Date.from(due.plusDays(2).atTime(9, 0).atZone(COUNTY).toInstant()));
            runDueJobs(pi);
            assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("superviseMilestone").count()).isEqualTo(1);
            browser.open("/plans/" + id);
            assertThat(browser.find("#milestones li[data-seq='1']").getAttribute("data-flag")).isEqualTo("red");
            assertThat(browser.find("#milestones li[data-seq='2']").getAttribute("data-flag")).isEqualTo("none");
            browser.open("/workbench");
            assertThat(supervisionRows(browser)).isEqualTo(1);
            browser.screenshot("plan-loop-supervision");

            // the next monthly report (the month of the missed due day) names the plan, the missed milestone, the effect
            YearMonth month = YearMonth.from(due);
            ResponseEntity<byte[]> pdf = as("leader1").getForEntity("/api/reports/monthly?month=" + month + "&region=QS01", byte[].class);
            assertThat(pdf.getStatusCode().value()).isEqualTo(200);
            String text = text(pdf.getBody()).replaceAll("\\s+", "");
            assertThat(text).contains("、工作方案", "超期：《" + title + "》的“排查破损路段”（" + due + "到期），尚未完成",
                    "《" + title + "》成效：解决率实施前", "实施以来", "目标90.0%");
            if (YearMonth.from(today).equals(month)) {
                assertThat(text).contains("本月新制定工作方案");
            }
            ClockUtil.reset();

            // the villager who reported a linked case sees the (public) plan on their case page, and follows it
            browser.forgetSession().login("villager1", PASSWORD).open("/workbench/cases/" + mine.get(0));
            assertThat(browser.text("#case-plans")).contains(title);
            browser.screenshot("plan-loop-villager-case");
            browser.press("#case-plans a.plan-link[href='/my/plans/" + id + "']"); // other tests' plans may take the case up too
            assertThat(browser.currentPath()).isEqualTo("/my/plans/" + id);
            assertThat(browser.text("main")).contains(title, "排查破损路段").doesNotContain("督办");
        }
    }

    private static boolean listed(Browser browser, String css) {
        return ((Number) browser.script("return document.querySelectorAll(arguments[0]).length", css)).intValue() > 0;
    }

    private long total(String path) {
        JsonNode r = get("leader1", path).getBody();
        assertThat(r.has("total")).as(path + ": " + r).isTrue();
        return r.get("total").asLong();
    }

    /** The workbench link of the plan task named {@code what} on this test's plan, as a CSS selector. */
    private String taskLink(Browser browser, String what) {
        Object href = browser.script("""
                const row = [...document.querySelectorAll('#other-tasks tbody tr')]
                  .find(tr => tr.cells[2].textContent.includes(arguments[0]) && tr.cells[1].textContent.trim() === arguments[1]);
                return row ? row.cells[1].querySelector('a').getAttribute('href') : null""", title, what);
        assertThat(href).as("the workbench lists " + what + " on " + title).isNotNull();
        return "#other-tasks a[href='" + href + "']";
    }

    private int supervisionRows(Browser browser) {
        return ((Number) browser.script("""
                return [...document.querySelectorAll('#other-tasks tbody tr')]
                  .filter(tr => tr.cells[2].textContent.includes(arguments[0]) && tr.cells[1].textContent.includes('督办')).length""",
                title)).intValue();
    }

    /** Executes every job of the plan's instance that is due now, as the job executor would (it is off in tests). */
    private void runDueJobs(String processInstanceId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
            management.executeJob(job.getId());
        }
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
