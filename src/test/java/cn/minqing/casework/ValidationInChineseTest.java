package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The API's validation problems name fields in Chinese — in {@code detail} and in each {@code errors[].message} —
 * while {@code errors[].field} keeps the machine-readable name (the API contract). No message interpolates a code:
 * not 请填写"note", not "outcome"请选择：approve | reject.
 */
class ValidationInChineseTest extends ApiTest {

    @Test
    void aReportWithoutItsFieldsIsRefusedWithTheFieldsNamedInChinese() {
        ResponseEntity<JsonNode> refused = post("villager1", "/api/cases", Map.of("address", "三组"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = refused.getBody();
        assertThat(fields(problem)).contains("title", "description", "category");
        assertThat(problem.get("detail").asText()).contains("标题", "问题描述", "问题类别").doesNotContain("title", "category");
        problem.get("errors").forEach(e -> assertThat(e.get("message").asText()).as(e.toString()).containsPattern("\\p{IsHan}")
                .doesNotContain("title", "description", "category"));
    }

    @Test
    void stageFormsNameTheirFieldsAndChoicesInWords() {
        String number = file("villager1", "自来水发黄", "这几天自来水发黄，有铁锈味。", "water");
        String task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0).get("id").asText();

        JsonNode noReason = post("grid1", "/api/tasks/" + task + "/complete", Map.of("outcome", "reject")).getBody();
        assertThat(error(noReason, "reason")).isEqualTo("请填写“理由”。");
        assertThat(noReason.get("detail").asText()).contains("理由");

        JsonNode badChoice = post("grid1", "/api/tasks/" + task + "/complete", Map.of("outcome", "approve")).getBody();
        assertThat(error(badChoice, "outcome")).startsWith("请选择受理结果").doesNotContain("accept", "|");

        JsonNode badUrgency = post("grid1", "/api/tasks/" + task + "/complete", Map.of("outcome", "accept", "urgency", "asap")).getBody();
        assertThat(error(badUrgency, "urgency")).isEqualTo("紧急程度请选择：一般、紧急或复杂。");

        JsonNode badCost = post("grid1", "/api/tasks/" + task + "/complete", Map.of("outcome", "accept", "cost", "很多")).getBody();
        assertThat(error(badCost, "cost")).isEqualTo("“预计费用”的值无效。");
        assertThat(get("grid1", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("received");
    }

    @Test
    void theCasePageShowsTheSameWordsAsTheApi() {
        String number = file("villager1", "路灯不亮了", "村口路灯坏了一个星期。", "power");
        var session = webSession(newAddress());
        session.login("grid1", PASSWORD);
        String task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0).get("id").asText();
        session.submit("/workbench/cases/" + number, "/workbench/tasks/" + task + "/complete",
                Map.of("caseNumber", number, "outcome", "reject"));
        String page = session.get("/workbench/cases/" + number).body();
        assertThat(page).contains("请填写“理由”。").doesNotContain("请填写“reason”");
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static String error(JsonNode problem, String field) {
        assertThat(problem.get("errors")).as(String.valueOf(problem)).isNotNull();
        for (JsonNode e : problem.get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
