package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** The monthly analysis report is a PDF in Chinese whose text carries the indicators and findings. */
class MonthlyReportTest extends ApiTest {

    @Autowired
    MonthlyFindings findings;

    @Test
    void theLeaderDownloadsTheMonthlyReport() throws Exception {
        // the demo county's cases are spread over the last 180 days: last month has some
        YearMonth month = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        ResponseEntity<byte[]> response = as("leader1").getForEntity("/api/reports/monthly?month=" + month, byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        String text = text(response.getBody());
        assertThat(text).contains("群众诉求月度分析报告", "%d年%d月".formatted(month.getYear(), month.getMonthValue()), "解决率", "满意率", "响应率", "按时办结率",
                "主要发现", "长期未办结", "耗时最长的环节", "环节平均耗时最长");
        assertThat(text).contains("图2 各类诉求本月与上月件数", "图1 主要比率与目标");
        String top = findings.categories("QS", month).get(0).name();
        assertThat(text).as("the month's largest category, %s, labels a row of the chart", top)
                .containsPattern(chartLabel(top));
        byte[] again = as("leader1").getForEntity("/api/reports/monthly?month=" + month, byte[].class).getBody();
        assertThat(again).as("a finished month is kept and served as it was").isEqualTo(response.getBody());
    }

    @org.springframework.beans.factory.annotation.Autowired
    MonthlyReports reports;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theFirstOfTheMonthJobKeepsLastMonthsCountyReport() throws Exception {
        java.time.YearMonth last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        jdbc.sql("delete from minqing.monthly_report where region = 'QS' and month = ?").param(last.toString()).update();
        reports.monthly();
        byte[] kept = jdbc.sql("select pdf from minqing.monthly_report where region = 'QS' and month = ?")
                .param(last.toString()).query(byte[].class).single();
        assertThat(text(kept)).contains("%d年%d月".formatted(last.getYear(), last.getMonthValue()), "解决率");
        assertThat(as("leader1").getForEntity("/api/reports/monthly?month=" + last, byte[].class).getBody())
                .as("the download is the kept report").isEqualTo(kept);
    }

    @Test
    void onlyLeadersAndAdminsAndAValidMonth() {
        assertThat(as("leader1").getForEntity("/api/reports/monthly?month=2026-10&region=QS99", String.class)
                .getStatusCode().value()).as("no such region").isEqualTo(400);
        assertThat(as("township1").getForEntity("/api/reports/monthly?month=2026-10", String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(as("leader1").getForEntity("/api/reports/monthly?month=October", String.class).getStatusCode().value())
                .isEqualTo(400);
    }

    /**
     * A chart's row label comes out of the PDF as a line of its own, unlike a table row (name and
     * numbers on one line) or a finding (a sentence).
     */
    static Pattern chartLabel(String name) {
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*$");
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        return text.toString();
    }
}
