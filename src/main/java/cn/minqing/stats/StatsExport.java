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

/** Any indicator table as CSV (UTF-8 with BOM, opens in Excel) or XLSX: one row per group, this period and the last. */
@Component
class StatsExport {

    byte[] csv(StatsService.Report report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<String> row : table(report)) {
            out.append(String.join(",", row.stream().map(StatsExport::quote).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(StatsService.Report report) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("指标 Indicators");
            List<List<String>> table = table(report);
            for (int r = 0; r < table.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < table.get(r).size(); c++) {
                    String v = table.get(r).get(c);
                    if (r > 0 && c > 1 && !v.isEmpty()) {
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

    private static List<List<String>> table(StatsService.Report report) {
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

    private static String value(Object v) {
        return v == null ? "" : String.valueOf(v);
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
