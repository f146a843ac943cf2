package cn.minqing.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * leader1 at 1280 px: the dashboard's first card is 超期, it opens the overdue board, the case held by
 * township1 is there with its holder and days overdue, and 督办 with a note counts a supervision. township1's
 * task list says the deadline in words and the claimant by name. The case's deadline is put back afterwards.
 */
class OverdueBrowserTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLeaderFindsWhoHoldsAnOverdueCaseAndSupervisesIt() {
        String number = file("villager1", "水渠堵塞", "村东头的水渠被垃圾堵住了，下雨就漫到路上。", "road");
        complete("grid1", number, "accept", Map.of("outcome", "accept"));
        complete("township1", number, "sign", Map.of("outcome", "sign"));
        assertThat(post("township1", "/api/tasks/" + task("township1", number, "investigate") + "/claim", Map.of())
                .getStatusCode().value()).isEqualTo(200);
        OffsetDateTime resolveDue = jdbc.sql("select resolve_due from minqing.case_record where number = ?").param(number)
                .query(OffsetDateTime.class).single();
        jdbc.sql("update minqing.case_record set resolve_due = now() - interval '3 days 2 hours' where number = ?")
                .param(number).update();
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 1400)) {
            browser.login("leader1", PASSWORD).open("/dashboard");
            assertThat(browser.find("#now-cards .indicator").getAttribute("id")).as("超期 first").isEqualTo("card-overdue-now");
            assertThat(browser.text("#card-near-due-now")).contains("临期");
            assertThat(browser.text("#card-open-now")).contains("在办");
            browser.screenshot("overdue-01-dashboard");
            browser.press("#card-overdue-now");
            assertThat(browser.currentPath()).startsWith("/overdue");

            String row = "#overdue tr[data-case='" + number + "']";
            assertThat(browser.text(row)).contains("超期3天", "石门镇人民政府", "调研", "刘志强（石门镇）", "李家村")
                    .doesNotContain("township1", "李建国");
            browser.screenshot("overdue-02-board");
            browser.find(row + " details summary").click();
            browser.find(row + " textarea[name=note]").sendKeys("已超期三天，请本周内疏通并回复");
            browser.screenshot("overdue-03-supervise-note");
            browser.press(row + " button[type=submit]");
            assertThat(browser.text("#done")).contains("督办", number);
            assertThat(browser.find(row).findElements(By.tagName("td")).get(6).getText()).isEqualTo("1");
            browser.screenshot("overdue-04-supervised");

            browser.forgetSession().login("township1", PASSWORD).open("/workbench?stage=investigate");
            String taskRow = "#tasks tr[data-case='" + number + "']";
            assertThat(browser.text(taskRow + " td.due")).matches("剩\\d+(天|小时|分钟)|超期\\d+(天|小时|分钟)");
            assertThat(browser.text(taskRow + " td.assignee")).isEqualTo("刘志强（石门镇）");
            browser.screenshot("overdue-05-tasks-in-words");
        } finally {
            jdbc.sql("update minqing.case_record set resolve_due = ? where number = ?").params(resolveDue, number).update();
        }
        JsonNode timeline = get("leader1", "/api/cases/" + number + "/timeline").getBody();
        assertThat(timeline.findValuesAsText("kind")).contains("supervised");
    }

    private void complete(String user, String number, String stage, Map<String, Object> body) {
        ResponseEntity<JsonNode> done = post(user, "/api/tasks/" + task(user, number, stage) + "/complete", body);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
    }

    private String task(String user, String number, String stage) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number + "&stage=" + stage).getBody();
        assertThat(tasks.size()).as(user + " has the " + stage + " task of " + number).isPositive();
        return tasks.get(0).get("id").asText();
    }
}
