package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * 协办 and 会签 (issue 18) through the API as the demo users. The lead is 石门镇人民政府 (township1) on a road case of
 * 李家村; the co-organisations are 青石县水利局 (county1) and 青石县交通运输局 (staff-QS-TRANSPORT). A plan with
 * co-organisations is co-signed by every organisation involved (processes/plan-cosign.dmn) before the leader's
 * approval; each co-organisation then reports on its own task by its own working-day deadline.
 */
class CoHandlingTest extends ApiTest {

    static final String WATER = "QS-WATER";
    static final String TRANSPORT = "QS-TRANSPORT";

    @Test
    void twoCoOrganisationsOneLateAndTheLeadClosesWithAReason() {
        String number = designing("村道塌方阻断", "村道一段塌方，水管也被压断了。");
        assertThat(get("county1", "/api/cases/" + number).getStatusCode().value()).as("a road case is not the water bureau's")
                .isEqualTo(404);
        completeStage("township1", number, "design", Map.of("plan", "清理塌方、修复水管", "cost", 3000,
                "coOrganisations", List.of(WATER, TRANSPORT), "coDays", Map.of(WATER, 5, TRANSPORT, 2),
                "coParts", Map.of(WATER, "修复被压断的供水管", TRANSPORT, "清理塌方、恢复路面")));
        assertThat(get("county1", "/api/cases/" + number).getStatusCode().value())
                .as("a co-organisation sees the case as its handler does").isEqualTo(200);
        assertThat(get("staff-QS02", "/api/cases/" + number).getStatusCode().value()).as("another township does not")
                .isEqualTo(404);
        cosignAll(number);

        JsonNode co = coOrganisations(number);
        assertThat(co.findValuesAsText("status")).containsExactly("open", "open");
        assertThat(stagesOf("county1", number)).containsExactly("co-handle");
        assertThat(stagesOf("staff-QS-TRANSPORT", number)).containsExactly("co-handle");
        assertThat(stagesOf("township1", number)).as("the lead waits for its co-organisations").isEmpty();
        completeStage("county1", number, "co-handle", Map.of("report", "供水管已接通"));

        Instant transportDue = Instant.parse(co.get(1).get("due").asText());
        ClockUtil.setCurrentTime(Date.from(transportDue.plus(Duration.ofHours(2))));
        try {
            JsonNode late = get("staff-QS-TRANSPORT", "/api/tasks?caseNumber=" + number).getBody().get(0);
            assertThat(late.get("flag").asText()).isEqualTo("red");
            assertThat(late.get("overdue").asBoolean()).isTrue();
            assertThat(coOrganisations(number).get(1).get("late").asBoolean()).isTrue();

            ResponseEntity<JsonNode> notLead = post("county1", "/api/cases/" + number + "/co-handling/close",
                    Map.of("reason", "等不及了"));
            assertThat(notLead.getStatusCode().value()).isIn(403, 404);
            ResponseEntity<JsonNode> noReason = post("township1", "/api/cases/" + number + "/co-handling/close", Map.of());
            assertThat(noReason.getStatusCode().value()).isEqualTo(400);
            assertThat(fields(noReason.getBody())).containsExactly("reason");
            ResponseEntity<JsonNode> wrongCode = post("township1", "/api/cases/" + number + "/co-handling/close",
                    Map.of("reasons", Map.of(WATER, "已报告的", TRANSPORT, "")));
            assertThat(fields(wrongCode.getBody())).containsExactlyInAnyOrder("reasons." + TRANSPORT, "reasons." + WATER);
            assertThat(coOrganisations(number).get(1).get("status").asText()).as("nothing changed").isEqualTo("open");

            ResponseEntity<JsonNode> closed = post("township1", "/api/cases/" + number + "/co-handling/close",
                    Map.of("reason", "交通运输局逾期未报告，路面已由镇里组织清理"));
            assertThat(closed.getStatusCode().value()).as(String.valueOf(closed.getBody())).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
        JsonNode c = get("township1", "/api/cases/" + number).getBody();
        JsonNode water = c.at("/handling/coOrganisations/0");
        JsonNode transport = c.at("/handling/coOrganisations/1");
        assertThat(water.get("code").asText()).isEqualTo(WATER);
        assertThat(water.get("name").asText()).isEqualTo("青石县水利局");
        assertThat(water.get("status").asText()).isEqualTo("reported");
        assertThat(water.get("late").asBoolean()).isFalse();
        assertThat(water.hasNonNull("reportedAt")).isTrue();
        assertThat(transport.get("status").asText()).isEqualTo("closed");
        assertThat(transport.get("late").asBoolean()).isTrue();
        assertThat(transport.get("reason").asText()).contains("逾期未报告");
        assertThat(stagesOf("staff-QS-TRANSPORT", number)).isEmpty();
        assertThat(stagesOf("township1", number)).containsExactly("implement");
        assertThat(c.get("status").asText()).isEqualTo("implementing");
        assertThat(kinds(number)).contains("cosigned", "co-handled", "co-handling-closed");
        assertThat(post("township1", "/api/cases/" + number + "/co-handling/close", Map.of("reason", "再关一次"))
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void whenEveryCoOrganisationHasReportedTheCaseMovesOn() {
        String number = designing("桥头路面开裂", "桥头路面开裂，旁边灌溉渠也漏水。");
        completeStage("township1", number, "design", Map.of("plan", "修补路面和渠道", "cost", 2000,
                "coOrganisations", List.of(WATER, TRANSPORT)));
        cosignAll(number);
        completeStage("staff-QS-TRANSPORT", number, "co-handle", Map.of("report", "路面已修补"));
        assertThat(stagesOf("township1", number)).as("one still to report").isEmpty();
        completeStage("county1", number, "co-handle", Map.of("report", "渠道已堵漏"));
        assertThat(stagesOf("township1", number)).containsExactly("implement");
        assertThat(coOrganisations(number).findValuesAsText("status")).containsExactly("reported", "reported");
        List<String> notes = new ArrayList<>();
        get("admin", "/api/cases/" + number + "/timeline").getBody().forEach(e -> {
            if (e.get("kind").asText().equals("co-handled")) {
                notes.add(e.get("note").asText());
            }
        });
        assertThat(notes).containsExactly("青石县交通运输局：路面已修补", "青石县水利局：渠道已堵漏");
        completeStage("township1", number, "implement", Map.of("report", "全部完成"));
        completeStage("grid1", number, "verify", Map.of("outcome", "solved"));
        completeStage("villager1", number, "feedback", Map.of("rating", "satisfied"));
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("solved");
    }

    @Test
    void aRefusedCoSignatureSendsThePlanBackToDesign() {
        String number = designing("村道排水沟堵塞", "排水沟堵了，雨天路面积水。");
        completeStage("township1", number, "design", Map.of("plan", "疏通排水沟", "cost", 1000,
                "coOrganisations", List.of(WATER)));
        assertThat(stagesOf("county1", number)).containsExactly("cosign");
        String task = get("county1", "/api/tasks?caseNumber=" + number).getBody().get(0).get("id").asText();
        ResponseEntity<JsonNode> noNote = post("county1", "/api/tasks/" + task + "/complete", Map.of("outcome", "refuse"));
        assertThat(noNote.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(noNote.getBody())).containsExactly("note");
        ResponseEntity<JsonNode> noChoice = post("county1", "/api/tasks/" + task + "/complete", Map.of("outcome", "maybe"));
        assertThat(fields(noChoice.getBody())).containsExactly("outcome");
        completeStage("county1", number, "cosign", Map.of("outcome", "refuse", "note", "排水沟不归水利局管，请删去"));

        assertThat(stagesOf("township1", number)).as("the lead's own signature is no longer asked").containsExactly("design");
        assertThat(get("admin", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("designing");
        assertThat(kinds(number)).contains("cosign-refused");
        // designed again without co-organisations: no co-signing, no joint handling
        completeStage("township1", number, "design", Map.of("plan", "镇里自行疏通", "cost", 800));
        assertThat(stagesOf("township1", number)).containsExactly("implement");
        assertThat(coOrganisations(number)).isEmpty();
    }

    @Test
    void aPlanAboveTheCoSigningLimitIsSignedBeforeTheLeadersApproval() {
        String number = designing("村道整体改造", "全村主干道需要整体改造。");
        completeStage("township1", number, "design", Map.of("plan", "主干道整体改造", "cost", 600000,
                "departments", List.of(TRANSPORT)));
        assertThat(stagesOf("township1", number)).containsExactly("cosign");
        assertThat(stagesOf("staff-QS-TRANSPORT", number)).containsExactly("cosign");
        assertThat(stagesOf("leader1", number)).doesNotContain("approve");
        completeStage("township1", number, "cosign", Map.of("outcome", "sign"));
        completeStage("staff-QS-TRANSPORT", number, "cosign", Map.of("outcome", "sign", "note", "同意"));
        assertThat(stagesOf("leader1", number)).contains("approve");
        assertThat(get("admin", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("approving");
    }

    @Test
    void wrongCoOrganisationsAreEachNamedAndNothingIsStored() {
        String number = designing("村口涵洞堵塞", "涵洞堵了。");
        ResponseEntity<JsonNode> bad = post("township1", "/api/tasks/" + taskOf("township1", number) + "/complete",
                Map.of("cost", 100, "coOrganisations", List.of("NOPE", "QS01-GOV", WATER, WATER),
                        "coDays", Map.of(WATER, 0, "QS-POWER", 3), "coParts", Map.of("QS-HOUSING", "不相干")));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(fields(bad.getBody())).containsExactlyInAnyOrder("plan", "coOrganisations[0]", "coOrganisations[1]",
                "coOrganisations[3]", "coDays." + WATER, "coDays.QS-POWER", "coParts.QS-HOUSING");
        assertThat(bad.getBody().toString()).doesNotContain("Exception", "SQL");
        assertThat(stagesOf("township1", number)).containsExactly("design");
        assertThat(coOrganisations(number)).isEmpty();
    }

    /** A road case of 李家村 at 制定方案 with 石门镇 (township1). */
    private String designing(String title, String description) {
        String number = file("villager1", title, description, "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "现场查看属实"));
        return number;
    }

    /** The lead and both co-organisations sign (会签); no leader approval at this cost. */
    private void cosignAll(String number) {
        assertThat(stagesOf("township1", number)).containsExactly("cosign");
        assertThat(stagesOf("county1", number)).containsExactly("cosign");
        completeStage("township1", number, "cosign", Map.of("outcome", "sign"));
        completeStage("county1", number, "cosign", Map.of("outcome", "sign"));
        completeStage("staff-QS-TRANSPORT", number, "cosign", Map.of("outcome", "sign", "note", "同意"));
    }

    private JsonNode coOrganisations(String number) {
        return get("admin", "/api/cases/" + number).getBody().at("/handling/coOrganisations");
    }

    private List<String> stagesOf(String user, String number) {
        return get(user, "/api/tasks?caseNumber=" + number).getBody().findValuesAsText("stage");
    }

    private String taskOf(String user, String number) {
        return get(user, "/api/tasks?caseNumber=" + number).getBody().get(0).get("id").asText();
    }

    private List<String> kinds(String number) {
        return get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind");
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
