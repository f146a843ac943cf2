package cn.minqing.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin adds a village through the element library page (parent chosen by name) and deactivates it after seeing its cases. */
class ElementLibraryPageTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void theAdminAddsThenDeactivatesAVillage() {
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 900)) {
            browser.login("admin", PASSWORD).open("/admin");
            browser.find("input[name=code]").sendKeys("QS05990");
            browser.find("input[name=name]").sendKeys("页面新建村");
            browser.choose("#region-parent", "QS05");
            browser.press("#add-region");
            assertThat(browser.text("#import-report")).contains("已导入 1 行");
            assertThat(get("villager1", "/api/regions?level=village").getBody().findValuesAsText("code")).contains("QS05990");

            browser.screenshot("admin-library");
            browser.press("#regions tr[data-code='QS05990'] a.deactivate");
            assertThat(browser.text("#impact")).contains("涉及 0 件在办诉求", "共 0 件诉求");
            browser.press("#confirm-deactivate");
            assertThat(browser.find("#regions tr[data-code='QS05990'] button").getText()).isEqualTo("启用");
        }
        assertThat(get("villager1", "/api/regions?level=village").getBody().findValuesAsText("code")).doesNotContain("QS05990");
    }

    @Test
    void onlyAdminsOpenTheLibrary() {
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 900)) {
            browser.login("leader1", PASSWORD).open("/admin");
            assertThat(browser.text("body")).doesNotContain("区域 Regions");
        }
    }
}
