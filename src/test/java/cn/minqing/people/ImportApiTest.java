package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The element library from CSV and XLSX: good rows go in, bad rows come back with the reason. */
class ImportApiTest extends ApiTest {

    @Test
    void villagesFromCsvWithBadRowsReported() {
        String csv = """
                code,name,level,parent_code,lat,lon
                QS06901,新建村,village,QS06,27.70,113.05
                QS06902,"河东村, 二组",village,QS06,,
                QS99001,无主村,village,QS99,,
                QS06903,,village,QS06,,
                QS06904,坐标错村,village,QS06,127.0,113.0
                QS0690101,新建村一网格,grid,QS06901,,
                """;
        JsonNode report = upload("/api/admin/import/regions", "villages.csv", csv.getBytes(StandardCharsets.UTF_8)).getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").findValuesAsText("key")).containsExactly("QS99001", "QS06903", "QS06904");
        assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("QS99");
        assertThat(get("villager1", "/api/regions?level=village").getBody().findValuesAsText("code")).contains("QS06901", "QS06902");
    }

    @Test
    void cadresFromXlsxWithBadRowsReported() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("people");
            String[][] rows = {
                    {"username", "display_name", "role", "organisation_code", "village_code", "phone", "password"},
                    {"grid-new-" + System.nanoTime() % 100000, "吴网格", "cadre", "QS01002-VC", "QS01002", "13712345678", "wangge2026"},
                    {"nobody-org", "无单位", "cadre", "XX-NONE", "", "", "wangge2026"},
                    {"admin", "重复", "leader", "QS-CENTRE", "", "", "wangge2026"},
                    {"short-pass", "短密码", "villager", "", "QS01001", "", "123"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode report = upload("/api/admin/import/people", "cadres.xlsx", xlsx).getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").findValuesAsText("key")).containsExactly("nobody-org", "admin", "short-pass");
        assertThat(report.get("rejected").findValuesAsText("line")).containsExactly("3", "4", "5");
    }

    @Test
    void onlyAdminsImport() {
        assertThat(upload("leader1", "/api/admin/import/regions", "x.csv", "code\n".getBytes()).getStatusCode().value())
                .isEqualTo(403);
    }

    private ResponseEntity<JsonNode> upload(String path, String name, byte[] bytes) {
        return upload("admin", path, name, bytes);
    }

    private ResponseEntity<JsonNode> upload(String user, String path, String name, byte[] bytes) {
        return postFile(user, path, name, bytes);
    }
}
