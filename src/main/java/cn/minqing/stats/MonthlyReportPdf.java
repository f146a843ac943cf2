package cn.minqing.stats;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Lays the monthly analysis report (月度分析报告) out as a PDF in Chinese, with an embedded font subset. */
@Component
class MonthlyReportPdf {

    private final BaseFont font;

    MonthlyReportPdf() {
        try (InputStream in = getClass().getResourceAsStream("/fonts/NotoSansSC-Regular.ttf")) {
            byte[] bytes = in.readAllBytes();
            this.font = BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts of one month, ready to lay out. */
    record Content(String regionName, YearMonth month, List<IndicatorDefinition> definitions, IndicatorValues now,
                   IndicatorValues before, List<MonthlyFindings.CategoryChange> categories,
                   List<StageDurations.StageTime> stages, List<MonthlyFindings.SlowOrganisation> slowest,
                   List<MonthlyFindings.OldCase> oldest,
                   List<String> findings, List<MonthlySections.Section> more) {

        /** The report's own sections only. */
        Content(String regionName, YearMonth month, List<IndicatorDefinition> definitions, IndicatorValues now,
                IndicatorValues before, List<MonthlyFindings.CategoryChange> categories,
                List<StageDurations.StageTime> stages, List<MonthlyFindings.SlowOrganisation> slowest,
                List<MonthlyFindings.OldCase> oldest, List<String> findings) {
            this(regionName, month, definitions, now, before, categories, stages, slowest, oldest, findings, List.of());
        }
    }

    byte[] render(Content c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setStrictImageSequence(true);
        doc.open();
        float width = doc.right() - doc.left();
        Font title = new Font(font, 18, Font.BOLD);
        Font heading = new Font(font, 13, Font.BOLD);
        Font body = new Font(font, 10);
        Paragraph t = new Paragraph("%s群众诉求月度分析报告（%d年%d月）".formatted(c.regionName(), c.month().getYear(),
                c.month().getMonthValue()), title);
        t.setAlignment(Element.ALIGN_CENTER);
        doc.add(t);
        doc.add(new Paragraph("一、主要发现", heading));
        c.findings().forEach(f -> doc.add(new Paragraph("· " + f, body)));
        doc.add(new Paragraph("二、指标及环比", heading));
        PdfPTable indicators = table(body, "指标", "本月", "上月", "说明");
        Map<String, Object> now = c.now().asMap();
        Map<String, Object> before = c.before().asMap();
        for (IndicatorDefinition d : c.definitions()) {
            cells(indicators, body, d.nameZh(), show(now.get(d.code()), d.unit()), show(before.get(d.code()), d.unit()),
                    d.definition());
        }
        doc.add(indicators);
        PdfBarCharts.rates(writer, font, width, "图1 主要比率与目标", rates(c)).ifPresent(doc::add);
        doc.add(new Paragraph("三、诉求类别及变化", heading));
        PdfPTable categories = table(body, "类别", "本月", "上月", "最多的乡镇");
        c.categories().forEach(k -> cells(categories, body, k.name(), String.valueOf(k.count()), String.valueOf(k.previous()),
                k.topTownship() == null ? "" : k.topTownship()));
        doc.add(categories);
        PdfBarCharts.pairs(writer, font, width, "图2 各类诉求本月与上月件数", c.categories().stream()
                .sorted(Comparator.comparingLong(MonthlyFindings.CategoryChange::count).reversed()).limit(8)
                .map(k -> new PdfBarCharts.Pair(k.name(), k.count(), k.previous())).toList()).ifPresent(doc::add);
        doc.add(new Paragraph("四、耗时最长的环节", heading));
        PdfPTable stages = table(body, "环节", "本月完成", "平均耗时（小时）", "耗时P90（小时）");
        c.stages().stream().limit(6).forEach(s -> cells(stages, body, s.name(), String.valueOf(s.finished()),
                String.valueOf(s.avgHours()), String.valueOf(s.p90Hours())));
        doc.add(stages);
        doc.add(new Paragraph("五、办结最慢的单位", heading));
        PdfPTable slow = table(body, "单位", "办结件数", "平均时长（小时）", "");
        c.slowest().forEach(s -> cells(slow, body, s.name(), String.valueOf(s.closed()), String.valueOf(s.avgHours()), ""));
        doc.add(slow);
        doc.add(new Paragraph("六、长期未办结的诉求", heading));
        PdfPTable old = table(body, "编号", "标题", "村", "反映日期");
        c.oldest().forEach(o -> cells(old, body, o.number(), o.title(), o.village(), o.createdAt().toLocalDate().toString()));
        doc.add(old);
        String[] numbers = {"七", "八", "九", "十", "十一", "十二"};
        for (int i = 0; i < c.more().size() && i < numbers.length; i++) {
            MonthlySections.Section section = c.more().get(i);
            doc.add(new Paragraph(numbers[i] + "、" + section.title(), heading));
            section.lines().forEach(line -> doc.add(new Paragraph("· " + line, body)));
        }
        doc.close();
        return out.toByteArray();
    }

    /** The rates (unit %) that have a target and a value this month. */
    private static List<PdfBarCharts.Rate> rates(Content c) {
        Map<String, Object> now = c.now().asMap();
        return c.definitions().stream()
                .filter(d -> "%".equals(d.unit()) && d.target() != null && now.get(d.code()) instanceof Number)
                .map(d -> new PdfBarCharts.Rate(d.nameZh(), ((Number) now.get(d.code())).doubleValue(), d.target(),
                        d.higherIsBetter()))
                .toList();
    }

    private static PdfPTable table(Font font, String... header) {
        PdfPTable table = new PdfPTable(header.length);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(10);
        cells(table, font, header);
        return table;
    }

    private static void cells(PdfPTable table, Font font, String... values) {
        for (String v : values) {
            table.addCell(new com.lowagie.text.Phrase(v, font));
        }
    }

    private static String show(Object value, String unit) {
        if (value == null) {
            return "—";
        }
        if ("%".equals(unit)) {
            return "%.1f%%".formatted(((Number) value).doubleValue() * 100);
        }
        return value + " " + unit;
    }
}
