package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each cadre in turn logs in to the workbench in headless Chromium and works one case from intake
 * to verification: grid1 accepts it as complex (routed to the water bureau), county1 returns it,
 * leader1 re-dispatches it to 石门镇, township1 signs, investigates and designs a costly plan,
 * leader1 approves, township1 implements, grid1 verifies; villager1 then rates it.
 */
class WorkbenchBrowserTest extends ApiTest {

    @LocalServerPort
    int port;
    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser("http://localhost:" + port, 1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theCadresWorkACaseFromIntakeToVerificationThroughThePages() {
        String number = file("villager1", "山塘渗漏吃水困难", "后山山塘大坝渗漏，水位下降，全组二十多户吃水困难，需要大修。", "water");

        work("grid1", number, "accept", "01-grid1-accept", () -> {
            browser.find("#task-accept input[value=accept]").click();
            browser.find("#task-accept select[name=urgency] option[value=complex]").click();
            browser.find("#task-accept textarea[name=reason]").sendKeys("情况属实，涉及水源工程，按复杂件受理");
        });
        assertThat(browser.text("#status")).isEqualTo("已派单");

        work("county1", number, "sign", "02-county1-return", () -> {
            browser.find("#task-sign input[value=return]").click();
            browser.find("#task-sign textarea[name=reason]").sendKeys("山塘属村级小型水利，应由乡镇负责");
        });
        assertThat(browser.text("#status")).isEqualTo("已受理");
        work("leader1", number, "dispatch", "03-leader1-dispatch", () -> {
            browser.find("#task-dispatch select[name=organisation] option[value='QS01-GOV']").click();
            browser.find("#task-dispatch textarea[name=note]").sendKeys("改派石门镇，县水利局给予技术指导");
        });
        work("township1", number, "sign", "04-township1-sign", () -> browser.find("#task-sign input[value=sign]").click());
        work("township1", number, "investigate", "05-township1-investigate",
                () -> browser.find("#task-investigate textarea[name=findings]").sendKeys("大坝迎水面有两处渗漏点"));
        work("township1", number, "design", "06-township1-design", () -> {
            browser.find("#task-design textarea[name=plan]").sendKeys("大坝防渗加固，新建引水管");
            browser.find("#task-design input[name=cost]").sendKeys("85000");
        });
        assertThat(browser.text("#status")).isEqualTo("待审批");
        work("leader1", number, "approve", "07-leader1-approve", () -> {
            browser.find("#task-approve input[value=approve]").click();
            browser.find("#task-approve textarea[name=note]").sendKeys("同意，抓紧实施");
        });
        work("township1", number, "implement", "08-township1-implement",
                () -> browser.find("#task-implement textarea[name=report]").sendKeys("防渗工程已完工"));
        work("grid1", number, "verify", "09-grid1-verify", () -> {
            browser.find("#task-verify input[value=solved]").click();
            browser.find("#task-verify textarea[name=note]").sendKeys("现场核实，水位恢复，供水正常");
        });
        assertThat(browser.text("#status")).isEqualTo("待回访");
        // every step by its Chinese name, never its code (accepted, returned …)
        assertThat(browser.text("#timeline")).contains("受理", "退单", "改派", "签收", "调研", "制定方案", "批准方案", "实施", "核实")
                .doesNotContain("accepted", "redispatched", "grid1", "township1");

        // the villager rates on their own page, with one of three buttons (see VillagerCasePageBrowserTest)
        browser.forgetSession().login("villager1", PASSWORD).open("/workbench/cases/" + number);
        browser.screenshot("10-villager1-feedback");
        browser.press("#rate-satisfied");
        assertThat(browser.text("#done")).contains("谢谢您的评价");
        assertThat(browser.text("#status")).isEqualTo("已解决");
    }

    @Test
    void theTaskListShowsCountsFiltersAndFlags() {
        String number = file("villager1", "村口路灯不亮", "村口两盏路灯坏了一个月，晚上走路看不见。", "power");
        browser.login("grid1", PASSWORD).open("/workbench?stage=accept&village=QS01001");
        assertThat(browser.text("#count-accept")).startsWith("受理");
        assertThat(browser.find("#tasks tr[data-case='" + number + "']").getText()).contains("村口路灯不亮");
        browser.screenshot("00-grid1-task-list");
        assertThat(post("grid1", "/api/cases/" + number + "/notes", Map.of("note", "已电话联系反映人"))
                .getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void intakeReviewSuggestsTheOpenCaseToMergeInto() {
        String first = file("villager1", "后山小桥栏杆断了", "后山小桥的铁栏杆断了一截，小孩过桥很危险", "road");
        await(java.time.Duration.ofSeconds(5), "admin", "/api/search?q=小桥栏杆&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(first));
        String second = file("villager1", "小桥栏杆坏了", "后山那座小桥栏杆断了，过桥的孩子容易掉下去", "road");
        browser.login("grid1", PASSWORD).open("/workbench/cases/" + second);
        assertThat(browser.text("#duplicates")).contains(first);
        browser.screenshot("11-grid1-duplicate-suggested");
    }

    /** Logs in afresh, opens the case from the task list, fills the stage's form and submits it. */
    private void work(String user, String number, String stage, String shot, Runnable fill) {
        browser.forgetSession().login(user, PASSWORD);
        if (!user.startsWith("villager")) {
            browser.open("/workbench?stage=" + stage);
            browser.press("#tasks tr[data-case='" + number + "'] a");
        } else {
            browser.open("/workbench/cases/" + number);
        }
        assertThat(browser.currentPath()).isEqualTo("/workbench/cases/" + number);
        fill.run();
        browser.screenshot(shot);
        browser.press("#task-" + stage + " button.submit");
        assertThat(browser.text("#done")).contains("已办理");
    }
}
