package cn.minqing.platform.tabular;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Rows of an uploaded CSV (UTF-8, quotes allowed) or XLSX (first sheet), addressed by header name,
 * each with its line number for the import report.
 */
public final class Table {

    /** One data row: the line number people see in their spreadsheet, and its cells by header. */
    public record Line(int number, Map<String, String> cells) {
        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private Table() {
    }

    public static List<Line> read(String fileName, byte[] bytes) throws IOException {
        boolean xlsx = (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
                || (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K');
        List<List<String>> rows = xlsx ? xlsx(bytes) : csv(bytes);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "")).toList();
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < row.size() ? row.get(c) : "");
            }
            lines.add(new Line(i + 1, cells));
        }
        return lines;
    }

    private static List<List<String>> csv(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(splitCsv(line));
            }
        }
        return rows;
    }

    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static List<List<String>> xlsx(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                while (rows.size() < row.getRowNum()) {
                    rows.add(List.of()); // keep line numbers as the spreadsheet shows them
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
