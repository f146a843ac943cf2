package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * leader1 opens the dashboard, changes the filters, drills down from a ranking, the trend chart and
 * the village map to the cases behind them, and downloads the XLSX and the monthly PDF report,
 * whose text must carry the indicators' names and values.
 */
class DashboardBrowserTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void theLeaderFiltersDrillsDownAndDownloads() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String period = "from=" + today.minusDays(179) + "&to=" + today;
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 3000)) {
            browser.login("leader1", PASSWORD).open("/dashboard?" + period);
            assertThat(browser.find("#cards .indicator[data-code=resolutionRate]").getText()).contains("解决率", "%");
            assertThat(browser.find("#cards .indicator[data-code=resolutionRate]").getAttribute("title")).contains("办结", "目标");
            assertThat(browser.text("#ranking")).contains("石门镇", "综合得分");
            assertThat(browser.text("#org-ranking")).contains("单位");
            assertThat(browser.text("#oldest")).contains("QS-");
            assertThat(browser.find("#hot-topics").getText()).contains("热点");
            for (String chart : List.of("chart-trend", "chart-category", "chart-villages", "chart-stages")) {
                assertThat(browser.find("#" + chart + " canvas").isDisplayed()).as(chart).isTrue();
            }
            assertThat(((Number) browser.script("return window.minqingCharts['chart-stages'].getOption().yAxis[0].data.length")).intValue())
                    .as("time per stage has stages").isPositive();
            assertThat(browser.text("#stage-definitions")).contains("环节平均耗时", "环节耗时P90");
            // durations in days with one decimal, never hours with two
            assertThat(browser.text("#cards .indicator[data-code=avgResolutionHours] .value")).matches("\\d+\\.\\d 天");
            assertThat(browser.text("#cards .indicator[data-code=p90ResolutionHours] .value")).matches("\\d+\\.\\d 天");
            assertThat(browser.script("return window.minqingCharts['chart-stages'].getOption().xAxis[0].name")).isEqualTo("天");
            // villages: a horizontal bar chart sorted by open problems, the most on top
            assertThat(browser.script("return window.minqingCharts['chart-villages'].getOption().series[0].type")).isEqualTo("bar");
            List<?> open = (List<?>) browser.script("return window.minqingCharts['chart-villages'].getOption().series[0].data");
            for (int i = 1; i < open.size(); i++) {
                assertThat(((Number) open.get(i)).longValue()).as("sorted").isGreaterThanOrEqualTo(((Number) open.get(i - 1)).longValue());
            }
            // rankings: a 件数 column; groups under five cases greyed, unranked, after the ranked ones
            for (String table : List.of("#ranking", "#org-ranking")) {
                assertThat(browser.text(table + " tr:first-child")).contains("件数");
                List<?> rows = (List<?>) browser.script("""
                        return [...document.querySelectorAll(arguments[0] + ' tr[data-cases]')].map(tr =>
                          [+tr.dataset.cases, tr.classList.contains('few'), tr.cells[0].textContent.trim()])""", table);
                boolean seenFew = false;
                for (Object r : rows) {
                    List<?> row = (List<?>) r;
                    boolean few = (Boolean) row.get(1);
                    assertThat(few).as(table + " " + row).isEqualTo(((Number) row.get(0)).longValue() < 5);
                    assertThat(few || !seenFew).as(table + ": greyed rows come last").isTrue();
                    if (few) {
                        assertThat(row.get(2)).isEqualTo("—");
                    }
                    seenFew |= few;
                }
                if (seenFew) {
                    assertThat(browser.text(table + " .few-note")).isEqualTo("件数少于5，不参与排名");
                }
            }
            browser.screenshot("dashboard");
            browser.open("/dashboard?from=" + today.minusDays(29) + "&to=" + today);
            assertThat(((Number) browser.script("return document.querySelectorAll('#ranking tr.few, #org-ranking tr.few').length"))
                    .intValue()).as("in 30 days some organisation has fewer than five cases").isPositive();
            browser.script("document.getElementById('org-ranking').scrollIntoView()");
            browser.screenshot("dashboard-ranking-few-cases");
            browser.open("/dashboard?" + period);

            // the exports: XLSX of the townships, and last month's report as PDF
            Path xlsx = browser.download("#xlsx");
            assertThat(xlsx.getFileName().toString()).endsWith(".xlsx");
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(cells(sheet.getRow(0))).contains("解决率 resolutionRate", "满意率 satisfactionRate");
                assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(6);
                assertThat(cells(sheet.getRow(1))).anyMatch(c -> c.endsWith("镇") || c.endsWith("乡"));
            }
            Path pdf = browser.download("#monthly-pdf");
            assertThat(pdf.getFileName().toString()).endsWith(".pdf");
            String text = MonthlyReportTest.text(Files.readAllBytes(pdf));
            YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
            JsonNode month = get("leader1", "/api/stats/indicators?from=" + lastMonth.atDay(1) + "&to=" + lastMonth.atEndOfMonth())
                    .getBody().at("/rows/0/current");
            assertThat(text).contains("受理量", "响应率", "按时办结率", "解决率", "满意率", "重办率", "退单率",
                    month.get("receivedCount").asLong() + " 件");
            for (String rate : List.of("resolutionRate", "responseRate", "onTimeRate")) {
                // the demo county's last month has dispatched and closed cases: every rate has a value to print
                assertThat(month.get(rate).isNumber()).as(rate + " last month: " + month).isTrue();
                assertThat(text).as(rate).contains("%.1f%%".formatted(month.get(rate).asDouble() * 100));
            }

            // change the filters: one township, one category, then back to the whole county
            browser.choose("#region", "QS01").press("#apply");
            assertThat(browser.currentPath()).contains("region=QS01");
            assertThat(browser.text("#ranking")).contains("石门镇").doesNotContain("青山镇");
            browser.choose("#region", "QS").choose("#category", "water").press("#apply");
            assertThat(browser.currentPath()).contains("category=water");
            browser.screenshot("dashboard-water");
            browser.choose("#category", "").press(".presets button[data-days='365']");
            assertThat(browser.currentPath()).contains("from=" + today.minusDays(364));

            // a period that ends before it starts: the page says so and shows the last 30 days
            browser.open("/dashboard?from=2026-10-01&to=2026-09-01");
            assertThat(browser.text("#errors")).contains("开始日期不能晚于结束日期");
            assertThat(browser.find("#from").getAttribute("value")).isEqualTo(today.minusDays(29).toString());
            browser.open("/dashboard?from=" + today.minusDays(364) + "&to=" + today);

            // drill down: a township in the ranking
            browser.press("#ranking a");
            assertThat(browser.currentPath()).startsWith("/search?").contains("region=QS0", "from=");
            assertThat(browser.text("#total")).doesNotStartWith("0 ");
            assertThat(browser.text("#drill")).as("the drill-down names the township").containsPattern("[镇乡]");
            browser.screenshot("dashboard-drilldown-township");

            // drill down: the busiest bucket of the trend
            browser.open("/dashboard?" + period);
            List<?> point = (List<?>) browser.script("""
                    const c = window.minqingCharts['chart-trend'];
                    const data = c.getOption().series[0].data;
                    const i = data.indexOf(Math.max(...data));
                    return c.convertToPixel({ seriesIndex: 0 }, [i, data[i] / 2]);""");
            browser.clickAt("#chart-trend", ((Number) point.get(0)).intValue(), ((Number) point.get(1)).intValue());
            assertThat(browser.currentPath()).startsWith("/search?").contains("from=", "to=");
            assertThat(browser.text("#total")).doesNotStartWith("0 ");

            // drill down: the village with the most open problems, the top bar of the sorted bar chart
            browser.open("/dashboard?" + period);
            List<?> bar = (List<?>) browser.script("""
                    const c = window.minqingCharts['chart-villages'];
                    const data = c.getModel().getSeriesByIndex(0).getData();
                    const r = data.getItemLayout(data.count() - 1);  // the 在办 bar beside the 受理 bar, not the band's centre
                    return [r.x + r.width / 2, r.y + r.height / 2];""");
            browser.clickAt("#chart-villages", ((Number) bar.get(0)).intValue(), ((Number) bar.get(1)).intValue());
            assertThat(browser.currentPath()).startsWith("/search?").contains("status=open", "region=QS0");
            assertThat(browser.text("#total")).doesNotStartWith("0 ");
            browser.screenshot("dashboard-drilldown-village");
        }
    }

    @Test
    void onlyLeadersAndAdminsSeeIt() {
        assertThat(as("township1").getForEntity("/dashboard", String.class).getStatusCode().value()).isEqualTo(403);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var admin = as("admin").getForEntity("/dashboard?from=" + today.minusDays(179) + "&to=" + today, String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody()).contains("id=\"ranking\"", "石门镇");
        assertThat(as("leader1").getForEntity("/dashboard?region=XX01", String.class).getStatusCode().value())
                .as("a region that does not exist").isEqualTo(400);
    }

    private static List<String> cells(Row row) {
        List<String> out = new java.util.ArrayList<>();
        row.forEach(c -> out.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue()));
        return out;
    }
}
