package cn.minqing.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** Any statistics table (indicators, stage times) as CSV (UTF-8 with BOM, opens in Excel) or XLSX: one row per group, this period and the last. */
@Component
class StatsExport {

    /** A header row, then rows whose first two columns are key and name and whose others are numbers. */
    byte[] csv(List<List<String>> table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : table) {
            out.append(String.join(",", row.stream().map(StatsExport::quote).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(String sheetName, List<List<String>> table) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < table.get(r).size(); c++) {
                    String v = table.get(r).get(c);
                    if (r > 0 && c > 1 && v.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** One row per group: its indicators this period, then in the previous one. */
    static List<List<String>> indicators(StatsService.Report report) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("key", "名称"));
        report.definitions().forEach(d -> header.add(d.nameZh() + " " + d.code()));
        report.definitions().forEach(d -> header.add("上期 " + d.nameZh()));
        rows.add(header);
        for (StatsRow r : report.rows()) {
            List<String> row = new ArrayList<>(List.of(r.key(), r.name()));
            report.definitions().forEach(d -> row.add(value(r.current().asMap().get(d.code()))));
            report.definitions().forEach(d -> row.add(value(r.previous().asMap().get(d.code()))));
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> stages(List<StageDurations.StageTime> stages) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("stage", "环节", "办结任务数 finished", "平均耗时（小时）avgHours", "耗时P90（小时）p90Hours"));
        stages.forEach(s -> rows.add(List.of(s.stage(), s.name(), value(s.finished()), value(s.avgHours()), value(s.p90Hours()))));
        return rows;
    }

    static List<List<String>> oldest(List<MonthlyFindings.OldCase> cases) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("编号 number", "标题 title", "村 village", "反映时间 createdAt", "状态 status"));
        cases.forEach(c -> rows.add(List.of(c.number(), c.title(), c.village(), c.createdAt().toString(), c.status())));
        return rows;
    }

    private static String value(Object v) {
        return v == null ? "" : String.valueOf(v);
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is not a formula. */
    private static String quote(String v) {
        String cell = !v.isEmpty() && "=+-@\t".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?")
                ? "'" + v : v;
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
