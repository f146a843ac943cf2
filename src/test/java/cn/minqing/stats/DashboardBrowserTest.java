package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** leader1 opens the dashboard, changes the period and drills down to the cases behind a township. */
class DashboardBrowserTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void theLeaderSeesIndicatorsAndDrillsDown() {
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 1000)) {
            browser.login("leader1", PASSWORD).open("/dashboard?from=2026-06-01&to=2026-11-28");
            assertThat(browser.find("#cards .indicator[data-code=resolutionRate]").getText()).contains("解决率");
            assertThat(browser.find("#cards .indicator[data-code=resolutionRate]").getAttribute("title")).contains("办结");
            assertThat(browser.find("#ranking").getText()).contains("石门镇");
            browser.screenshot("dashboard");
            assertThat(browser.find("#monthly-pdf").getAttribute("href")).contains("/reports/monthly?month=");
            browser.press("#ranking a");
            assertThat(browser.currentPath()).startsWith("/search?region=QS0");
            assertThat(browser.text("#total")).doesNotStartWith("0 ");
        }
    }

    @Test
    void onlyLeadersAndAdminsSeeIt() {
        assertThat(as("township1").getForEntity("/dashboard", String.class).getStatusCode().value()).isEqualTo(403);
    }
}
