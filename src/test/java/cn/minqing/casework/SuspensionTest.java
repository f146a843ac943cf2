package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * 挂起 (issue 18) through the API as the demo users: the handler (township1) asks, the county centre (leader1)
 * approves; the clock stops (the deadline timers are suspended) and restarts at resume or at the date set, the
 * deadline moving on by the time it stood still ({@code handling.suspendedHours}).
 */
class SuspensionTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSuspensionStopsTheClockAndAResumeRestartsItWithTheDeadlineMovedOn() {
        String number = signedCase("宅基地纠纷", "邻居占了我家宅基地，法院还在审理。");
        OffsetDateTime due = resolveDue(number);
        String pi = processOf(number);
        assertThat(ask("township1", number, "等待法院判决", later(due, 30)).getStatusCode().value()).isEqualTo(200);
        completeStage("leader1", number, "approve-suspension", Map.of("outcome", "approve", "note", "同意挂起"));
        assertThat(timer(pi, "deadlinePassed").getDuedate()).as("the clock stands still").isEqualTo(SuspensionClock.NEVER);
        assertThat(timer(pi, "deadlineWarning").getDuedate()).isEqualTo(SuspensionClock.NEVER);
        assertThat(ask("township1", number, "再挂一次", later(due, 40)).getStatusCode().value()).isEqualTo(409);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(10))));
        assertThat(post("township1", "/api/cases/" + number + "/resume", Map.of()).getStatusCode().value()).isEqualTo(200);

        JsonNode h = get("admin", "/api/cases/" + number).getBody().get("handling");
        assertThat(h.get("suspendedHours").asDouble()).isBetween(9.9, 10.1);
        assertThat(h.path("suspendedSince").asText(null)).isNull();
        OffsetDateTime moved = OffsetDateTime.parse(h.get("resolveDue").asText());
        assertThat(Duration.between(due, moved).toMinutes()).isBetween(599L, 601L);
        Job red = timer(pi, "deadlinePassed");
        assertThat(red.getDuedate()).isEqualTo(Date.from(moved.toInstant()));
        assertThat(timer(pi, "suspensionOver")).as("the date set no longer waits").isNull();
        assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .containsSubsequence("suspension-requested", "suspension-approved", "suspended", "resume-requested", "resumed");
    }

    @Test
    void theClockRestartsByItselfAtTheDateSet() {
        String number = signedCase("等农闲再修", "水渠要等收完稻子才能断水施工。");
        OffsetDateTime due = resolveDue(number);
        String pi = processOf(number);
        ask("township1", number, "农忙季节无法断水施工", later(due, 20));
        completeStage("leader1", number, "approve-suspension", Map.of("outcome", "approve"));
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(5))));
        management.executeJob(timer(pi, "suspensionOver").getId());

        JsonNode h = get("admin", "/api/cases/" + number).getBody().get("handling");
        assertThat(h.get("suspendedHours").asDouble()).isBetween(4.9, 5.1);
        assertThat(timer(pi, "deadlinePassed").getDuedate()).isEqualTo(Date.from(OffsetDateTime.parse(
                h.get("resolveDue").asText()).toInstant()));
        assertThat(post("township1", "/api/cases/" + number + "/resume", Map.of()).getStatusCode().value())
                .as("no longer suspended").isEqualTo(409);
    }

    @Test
    void aRefusedSuspensionNeedsANoteAndLeavesTheClockRunning() {
        String number = signedCase("围墙倒了", "村小学围墙倒了一段。");
        OffsetDateTime due = resolveDue(number);
        ask("township1", number, "资金未到位", later(due, 10));
        String task = taskOf("leader1", number, "approve-suspension");
        assertThat(post("leader1", "/api/tasks/" + task + "/complete", Map.of("outcome", "refuse")).getStatusCode().value())
                .isEqualTo(400);
        completeStage("leader1", number, "approve-suspension", Map.of("outcome", "refuse", "note", "资金不是挂起理由"));
        assertThat(timer(processOf(number), "deadlinePassed").getDuedate()).isEqualTo(Date.from(due.toInstant()));
        assertThat(get("admin", "/api/cases/" + number).getBody().at("/handling/suspendedHours").asDouble()).isZero();
    }

    @Test
    void onlyTheHandlerMaySuspendWithAReasonAndADateToCome() {
        String number = signedCase("化粪池满了", "公厕化粪池满了没人抽。");
        OffsetDateTime due = resolveDue(number);
        assertThat(ask("villager1", number, "x", later(due, 5)).getStatusCode().value()).isEqualTo(403);
        assertThat(ask("grid1", number, "x", later(due, 5)).getStatusCode().value()).isEqualTo(403);
        assertThat(ask("villager2", number, "x", later(due, 5)).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> empty = post("township1", "/api/cases/" + number + "/suspension", Map.of());
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().toString()).contains("until").contains("reason");
        assertThat(ask("township1", number, "过去的日子", "2020-01-01").getStatusCode().value()).isEqualTo(400);
        assertThat(post("township1", "/api/cases/" + number + "/resume", Map.of()).getStatusCode().value()).isEqualTo(409);
        assertThat(post("grid1", "/api/cases/" + number + "/resume", Map.of()).getStatusCode().value()).isEqualTo(403);
    }

    private String signedCase(String title, String description) {
        String number = file("villager1", title, description, "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        return number;
    }

    private ResponseEntity<JsonNode> ask(String user, String number, String reason, String until) {
        return post(user, "/api/cases/" + number + "/suspension", Map.of("reason", reason, "until", until));
    }

    private static String later(OffsetDateTime due, int days) {
        return due.atZoneSameInstant(ZONE).toLocalDate().plusDays(days).toString();
    }

    private OffsetDateTime resolveDue(String number) {
        return OffsetDateTime.parse(get("admin", "/api/cases/" + number).getBody().at("/handling/resolveDue").asText());
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
