package cn.minqing.stats;

import static cn.minqing.stats.MonthlyReportTest.chartLabel;
import static cn.minqing.stats.MonthlyReportTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's layout on its own, from facts made by hand: charts when there is data, none (and no error) when not. */
class MonthlyReportPdfTest {

    private final MonthlyReportPdf pdf = new MonthlyReportPdf();

    static final List<IndicatorDefinition> DEFINITIONS = List.of(
            new IndicatorDefinition("receivedCount", "受理量", "Cases received", "登记的诉求件数", "count", "件", true, null),
            new IndicatorDefinition("responseRate", "响应率", "Response rate", "按时签收的比例", "signed / dispatched", "%", true, 0.95),
            new IndicatorDefinition("resolutionRate", "解决率", "Resolution rate", "解决的比例", "solved / closed", "%", true, 0.85),
            new IndicatorDefinition("satisfactionRate", "满意率", "Satisfaction rate", "满意的比例", "satisfied / rated", "%", true, 0.90),
            new IndicatorDefinition("reworkRate", "重办率", "Rework rate", "重办的比例", "reworked / closed", "%", false, 0.05));

    static MonthlyReportPdf.Content sample() {
        IndicatorValues now = new IndicatorValues(120, 0.97, 0.88, 0.8, 0.93, 0.7, 0.08, 0.02, 3, 20, 4, 50.5, 120.0, 1.2);
        IndicatorValues before = new IndicatorValues(100, 0.9, 0.85, 0.82, null, 0.6, 0.04, 0.03, 1, 18, 2, 48.0, 110.0, 1.0);
        List<MonthlyFindings.CategoryChange> categories = List.of(
                new MonthlyFindings.CategoryChange("road", "道路桥梁", 18, 20, "青山镇"),
                new MonthlyFindings.CategoryChange("water", "饮水供水", 27, 20, "石门镇"),
                new MonthlyFindings.CategoryChange("land", "土地承包流转", 12, 5, null),
                new MonthlyFindings.CategoryChange("subsidy", "低保救助补贴", 9, 9, "石门镇"),
                new MonthlyFindings.CategoryChange("medical", "医疗医保", 7, 11, "青山镇"),
                new MonthlyFindings.CategoryChange("elderly", "养老", 5, 2, "青山镇"),
                new MonthlyFindings.CategoryChange("education", "教育", 4, 6, "石门镇"),
                new MonthlyFindings.CategoryChange("housing", "住房危房", 3, 0, "石门镇"),
                new MonthlyFindings.CategoryChange("telecom", "网络通信", 1, 4, "青山镇"),
                new MonthlyFindings.CategoryChange("power", "用电", 0, 3, null));
        return new MonthlyReportPdf.Content("民清县", YearMonth.of(2026, 10), DEFINITIONS, now, before, categories,
                List.of(new StageDurations.StageTime("implement", "实施", 14, 61.5, 140.25)),
                List.of(new MonthlyFindings.SlowOrganisation("县水利局", 6, 130.5)),
                List.of(new MonthlyFindings.OldCase("MQ-2026-0001", "村口道路塌陷", "石门村",
                        OffsetDateTime.parse("2026-08-01T09:00:00+08:00"), "in_progress")),
                MonthlyFindings.sentences(categories, now, before));
    }

    @Test
    void chartsCarryTheirCaptionsAndLabels() throws Exception {
        String text = text(pdf.render(sample()));
        assertThat(text).contains("图2 各类诉求本月与上月件数", "图1 主要比率与目标", "本月", "上月", "达标",
                "目标≥95%", "目标≤5%", "97.0%", "8.0%");
        assertThat(text).contains("耗时最长的环节", "实施", "61.5", "140.25");
    }

    @Test
    void theCategoryChartShowsTheEightLargestCategoriesOnly() throws Exception {
        String text = text(pdf.render(sample()));
        assertThat(text).as("the table lists all ten").contains("网络通信", "用电");
        assertThat(text).as("largest and eighth are charted").containsPattern(chartLabel("饮水供水"))
                .containsPattern(chartLabel("住房危房"));
        assertThat(text).as("ninth is not").doesNotContainPattern(chartLabel("网络通信"));
    }

    @Test
    void aMonthWithoutDataHasNoChartsAndNoError() throws Exception {
        MonthlyReportPdf.Content empty = new MonthlyReportPdf.Content("民清县", YearMonth.of(2026, 11), DEFINITIONS,
                IndicatorValues.empty(), IndicatorValues.empty(), List.of(), List.of(), List.of(), List.of(), List.of());
        String text = text(pdf.render(empty));
        assertThat(text).contains("群众诉求月度分析报告").doesNotContain("图1", "图2");
    }

    @Test
    void ratesWithoutAValueAreLeftOutOfTheChart() throws Exception {
        IndicatorValues some = new IndicatorValues(3, null, null, 1.0, null, null, null, null, 0, 0, 0, null, null, null);
        MonthlyReportPdf.Content c = new MonthlyReportPdf.Content("民清县", YearMonth.of(2026, 11), DEFINITIONS, some,
                IndicatorValues.empty(), List.of(new MonthlyFindings.CategoryChange("other", null, 0, 0, null)),
                List.of(), List.of(), List.of(), List.of());
        String text = text(pdf.render(c));
        assertThat(text).contains("图1", "图2", "100.0%").doesNotContain("目标≥95%");
    }
}
