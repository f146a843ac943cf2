package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium at 1280 px: a joint case (协办) through the workbench. township1 designs a plan with two
 * co-organisations picked by name, every organisation co-signs it (会签), 青石县水利局 (county1) and 青石县交通运输局
 * (staff-QS-TRANSPORT) each report on their own task, and the case moves on to township1's 实施. Screenshots go to
 * target/screenshots/.
 */
class JointHandlingBrowserTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void aJointCaseMovesOnWhenBothCoOrganisationsHaveReported() {
        String number = file("villager1", "村道塌方压断水管", "村道一段塌方，路边的自来水管也被压断了。", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "塌方约十米，水管断裂"));
        String page = "/workbench/cases/" + number;
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 900)) {
            browser.login("township1", PASSWORD).open(page);
            browser.find("#task-design textarea[name=plan]").sendKeys("清理塌方、修复路面和水管");
            browser.find("#task-design input[name=cost]").sendKeys("6000");
            // 涉及部门 comes ticked for every organisation that answers for roads; other tests add some: keep the one bureau
            browser.script("document.querySelectorAll('#departments-picker input[name=departments]')"
                    + ".forEach(i => i.checked = (i.value === 'QS-TRANSPORT'))");
            browser.find("#co-organisations-picker input[name=coOrganisations][value='QS-WATER']").click();
            browser.find("#co-organisations-picker input[name=coOrganisations][value='QS-TRANSPORT']").click();
            browser.find("#co-organisations-picker input[name='coParts[QS-WATER]']").sendKeys("修复供水管");
            assertThat(browser.text("#co-organisations-picker")).contains("青石县水利局", "青石县交通运输局")
                    .doesNotContain("石门镇人民政府");
            browser.screenshot("joint-01-township1-design-with-co-organisations-1280");
            browser.press("#task-design button.submit");
            assertThat(browser.text("#done")).contains("已办理");
            assertThat(browser.text("#co-handling")).contains("青石县水利局", "青石县交通运输局", "待开始");

            cosign(browser, "township1", page);
            cosign(browser.forgetSession(), "county1", page);
            cosign(browser.forgetSession(), "staff-QS-TRANSPORT", page);

            awaitCoHandleTask("county1", number);
            report(browser.forgetSession(), "county1", page, "供水管已更换并通水");
            assertThat(browser.text("#co-handling")).contains("已报告", "协办中");
            awaitCoHandleTask("staff-QS-TRANSPORT", number);
            report(browser.forgetSession(), "staff-QS-TRANSPORT", page, "塌方已清理，路面恢复通行");
            browser.screenshot("joint-02-both-reported-1280");

            browser.forgetSession().login("township1", PASSWORD).open(page);
            assertThat(browser.find("#task-implement").isDisplayed()).isTrue();
            assertThat(browser.text("#timeline")).contains("青石县水利局：供水管已更换并通水", "青石县交通运输局：塌方已清理")
                    .doesNotContain("QS-WATER");
            browser.screenshot("joint-03-township1-implements-1280");
        }
        assertThat(get("admin", "/api/cases/" + number).getBody().at("/handling/coOrganisations").findValuesAsText("status"))
                .containsExactly("reported", "reported");
    }

    /** The co-organisation's task as the API lists it; what the case and its tasks are otherwise, when it never comes. */
    private void awaitCoHandleTask(String user, String number) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            if (get(user, "/api/tasks?caseNumber=" + number).getBody().findValuesAsText("stage").contains("co-handle")) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(user + " has no co-handle task of " + number + "; theirs: "
                + get(user, "/api/tasks?caseNumber=" + number).getBody() + "; admin sees: "
                + get("admin", "/api/tasks?caseNumber=" + number).getBody() + "; case: "
                + get("admin", "/api/cases/" + number).getBody().get("status") + " "
                + get("admin", "/api/cases/" + number).getBody().at("/handling/coOrganisations"));
    }

    private static void cosign(Browser browser, String user, String page) {
        browser.login(user, PASSWORD).open(page);
        browser.find("#task-cosign input[name=outcome][value=sign]").click();
        browser.press("#task-cosign button.submit");
        assertThat(browser.text("#done")).as(user).contains("已办理");
    }

    private static void report(Browser browser, String user, String page, String report) {
        browser.login(user, PASSWORD).open(page);
        if (!(Boolean) browser.script("return document.querySelector('#task-co-handle textarea[name=report]') !== null")) {
            browser.screenshot("joint-missing-co-handle-" + user);
            throw new AssertionError(user + " finds no co-handle form at " + browser.currentPath() + ": " + browser.text("body"));
        }
        browser.find("#task-co-handle textarea[name=report]").sendKeys(report);
        browser.press("#task-co-handle button.submit");
        assertThat(browser.text("#done")).as(user).contains("已办理");
    }
}
