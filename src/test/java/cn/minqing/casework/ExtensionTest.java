package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 延期 (issue 18) through the API as the demo users: the handler (township1) asks before the deadline, the county
 * centre (leader1) approves — the deadline, the timers and the handler's task move, the first deadline is kept — or
 * refuses with a note; a raised yellow flag is lowered and raised again at the new 75%.
 */
class ExtensionTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void anApprovedExtensionMovesTheDeadlineTheTimersAndTheTask() {
        String number = signedCase("水渠堵塞", "灌溉水渠被淤泥堵住，下游几户的田浇不上水。");
        OffsetDateTime due = resolveDue(number);
        LocalDate until = due.atZoneSameInstant(ZONE).toLocalDate().plusDays(10);
        assertThat(ask("township1", number, until.toString(), "需等待水利站排期清淤").getStatusCode().value()).isEqualTo(200);
        assertThat(ask("township1", number, until.plusDays(1).toString(), "再申请一次").getStatusCode().value())
                .as("one request at a time").isEqualTo(409);

        completeStage("leader1", number, "approve-extension", Map.of("outcome", "approve", "note", "同意延期"));

        JsonNode h = get("villager1", "/api/cases/" + number).getBody().get("handling");
        OffsetDateTime newDue = until.atTime(18, 0).atZone(ZONE).toOffsetDateTime();
        assertThat(OffsetDateTime.parse(h.get("resolveDue").asText()).toInstant()).isEqualTo(newDue.toInstant());
        assertThat(OffsetDateTime.parse(h.get("resolveDueOriginal").asText()).toInstant()).isEqualTo(due.toInstant());
        assertThat(h.get("extensions").asInt()).isEqualTo(1);
        String pi = processOf(number);
        assertThat(timer(pi, "deadlinePassed").getDuedate()).isEqualTo(Date.from(newDue.toInstant()));
        assertThat(timer(pi, "deadlineWarning").getDuedate()).isAfter(Date.from(due.toInstant()));
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("investigate").singleResult()
                .getDueDate()).isEqualTo(Date.from(newDue.toInstant()));
        assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .containsSubsequence("extension-requested", "extension-approved");
    }

    @Test
    void aRefusedExtensionLeavesTheDeadlineAndNeedsANote() {
        String number = signedCase("路灯不亮", "村口三盏路灯一个月没亮了。");
        OffsetDateTime due = resolveDue(number);
        ask("township1", number, due.atZoneSameInstant(ZONE).toLocalDate().plusDays(3).toString(), "配件未到");
        String task = taskOf("leader1", number, "approve-extension");
        ResponseEntity<JsonNode> noNote = post("leader1", "/api/tasks/" + task + "/complete", Map.of("outcome", "refuse"));
        assertThat(noNote.getStatusCode().value()).isEqualTo(400);
        assertThat(noNote.getBody().toString()).contains("note");
        completeStage("leader1", number, "approve-extension", Map.of("outcome", "refuse", "note", "配件可在镇上采购，请按时办结"));

        JsonNode h = get("villager1", "/api/cases/" + number).getBody().get("handling");
        assertThat(OffsetDateTime.parse(h.get("resolveDue").asText()).toInstant()).isEqualTo(due.toInstant());
        assertThat(h.get("extensions").asInt()).isZero();
        assertThat(timer(processOf(number), "deadlinePassed").getDuedate()).isEqualTo(Date.from(due.toInstant()));
    }

    @Test
    void onlyTheHandlerMayAskWithADateAfterTheDeadlineAndAReasonBeforeItPasses() {
        String number = signedCase("垃圾没人清", "村头垃圾池满了一周没人清运。");
        OffsetDateTime due = resolveDue(number);
        String later = due.atZoneSameInstant(ZONE).toLocalDate().plusDays(5).toString();
        assertThat(ask("villager1", number, later, "想延期").getStatusCode().value()).isEqualTo(403);
        assertThat(ask("grid1", number, later, "想延期").getStatusCode().value()).isEqualTo(403);
        assertThat(ask("villager2", number, later, "想延期").getStatusCode().value()).isEqualTo(404);

        ResponseEntity<JsonNode> empty = post("township1", "/api/cases/" + number + "/extension", Map.of());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().toString()).contains("until").contains("reason");
        ResponseEntity<JsonNode> garbled = ask("township1", number, "下周", "x");
        assertThat(garbled.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<JsonNode> earlier = ask("township1", number,
                due.atZoneSameInstant(ZONE).toLocalDate().minusDays(1).toString(), "提前");
        assertThat(earlier.getStatusCode().value()).isEqualTo(400);
        assertThat(earlier.getBody().toString()).contains("until");

        ClockUtil.setCurrentTime(Date.from(due.plusHours(1).toInstant()));
        try {
            assertThat(ask("township1", number, later, "超期后才申请").getStatusCode().value()).isEqualTo(409);
        } finally {
            ClockUtil.reset();
        }
        assertThat(taskOf("leader1", number, "approve-extension")).isNull();
    }

    @Test
    void aRaisedYellowFlagIsLoweredAndRaisedAgainAtTheNewWarningTime() {
        String number = signedCase("饮水管漏水", "主水管接头漏水，水压很低。");
        String pi = processOf(number);
        management.executeJob(timer(pi, "deadlineWarning").getId()); // 75% of the time has passed
        assertThat(level(number)).isEqualTo("yellow");

        OffsetDateTime due = resolveDue(number);
        ask("township1", number, due.atZoneSameInstant(ZONE).toLocalDate().plusDays(14).toString(), "管材需从县里调拨");
        completeStage("leader1", number, "approve-extension", Map.of("outcome", "approve"));
        assertThat(level(number)).as("lowered until the new warning").isEqualTo("none");
        Job again = timer(pi, "newWarning");
        assertThat(again).as("the yellow flag is re-armed").isNotNull();
        OffsetDateTime warnAt = OffsetDateTime.parse(get("admin", "/api/cases/" + number).getBody()
                .at("/handling/warnAt").asText());
        assertThat(again.getDuedate()).isEqualTo(Date.from(warnAt.toInstant()));
        management.executeJob(again.getId());
        assertThat(level(number)).isEqualTo("yellow");
    }

    /** Filed by villager1 in 李家村, accepted by grid1, signed by township1: waiting at 调研 with a resolve deadline. */
    private String signedCase(String title, String description) {
        String number = file("villager1", title, description, "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        return number;
    }

    private ResponseEntity<JsonNode> ask(String user, String number, String until, String reason) {
        return post(user, "/api/cases/" + number + "/extension", Map.of("until", until, "reason", reason));
    }

    private OffsetDateTime resolveDue(String number) {
        return OffsetDateTime.parse(get("admin", "/api/cases/" + number).getBody().at("/handling/resolveDue").asText());
    }

    private String level(String number) {
        return get("admin", "/api/cases/" + number).getBody().at("/handling/deadlineLevel").asText();
    }

    private String processOf(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    }

    private Job timer(String processInstanceId, String activity) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activity).timers().singleResult();
    }

    private String taskOf(String user, String number, String stage) {
        for (JsonNode t : get(user, "/api/tasks?caseNumber=" + number).getBody()) {
            if (t.get("stage").asText().equals(stage)) {
                return t.get("id").asText();
            }
        }
        return null;
    }
}
