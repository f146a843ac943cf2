package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium: grid1 on a 360 px phone files for a villager (代村民反映) with the pickers — villager by name,
 * category by icon and name, village from the tree; township1 at 1280 px reads the township's open cases and a
 * plan's form with the organisation picker. Screenshots go to target/screenshots/.
 */
class CadreBrowserTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void aGridMemberFilesForAVillagerOnAPhone() {
        try (Browser browser = new Browser("http://localhost:" + port, 360, 800)) {
            browser.login("grid1", PASSWORD).open("/workbench");
            browser.press("#on-behalf-link");
            assertThat(browser.currentPath()).isEqualTo("/workbench/on-behalf");
            browser.find("#villager-search").sendKeys("李建国");
            browser.choose("#villager", "villager1");
            browser.find("label:has(input[name=category][value=sanitation])").click();
            browser.find("#title").sendKeys("村口排水沟堵了");
            browser.find("#description").sendKeys("村口排水沟被垃圾堵住，下雨就漫到路上。李大爷不会用手机，网格员代为反映。");
            browser.find("#report-village-search").sendKeys("李家");
            browser.find("#report-village-tree label:has(input[value=QS01001])").click();
            browser.screenshot("cadre-01-grid1-on-behalf-360");
            assertThat(browser.text("#on-behalf-form")).contains("李建国", "李家村").doesNotContain("villager1", "QS01001");
            browser.press("#file-on-behalf");
            assertThat(browser.currentPath()).startsWith("/workbench/cases/QS-");
            assertThat(browser.text("#filed")).isNotEmpty();
            assertThat(browser.text("#reporter")).isEqualTo("李建国");
            browser.screenshot("cadre-02-grid1-filed-for-villager-360");
        }
    }

    @Test
    void theTownshipReadsItsOpenCasesAndPicksDepartmentsByName() {
        String number = file("villager1", "桥头路面坑洼", "桥头那段路面坑坑洼洼，下雨天摩托车容易摔。", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "坑洼约二十平方米"));
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 900)) {
            browser.login("township1", PASSWORD).open("/workbench");
            browser.press("#open-link");
            String row = browser.text("#open-cases tr[data-case='" + number + "']");
            assertThat(row).contains("桥头路面坑洼", "石门镇李家村", "制定方案").containsPattern("(剩|超期)\\d+");
            browser.screenshot("cadre-03-township1-open-cases-1280");

            browser.open("/workbench/cases/" + number);
            assertThat(browser.find("#task-design input[name=departments][value='QS-TRANSPORT']").isSelected()).isTrue();
            assertThat(browser.find("#task-design input[name=departments][value='QS-WATER']").isSelected()).isFalse();
            assertThat(browser.text("#departments-picker")).contains("青石县交通运输局", "负责此类问题").doesNotContain("QS-");
            browser.find("#task-design textarea[name=plan]").sendKeys("铺沥青修补坑洼");
            browser.find("#task-design input[name=cost]").sendKeys("8000");
            browser.screenshot("cadre-04-township1-design-picker-1280");
            browser.press("#task-design button.submit");
            assertThat(browser.text("#done")).contains("已办理");
            assertThat(browser.text("#timeline")).contains("制定方案", "青石县交通运输局").doesNotContain("QS-TRANSPORT");
        }
    }
}
