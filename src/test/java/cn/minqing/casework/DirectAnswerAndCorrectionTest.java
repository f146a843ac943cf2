package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Issue 18, first part, through the API as the demo users: a question answered directly at intake (直接答复) closes as
 * answered — not solved — and the villager is still asked to rate the answer (or no-response is recorded when the
 * time passes); an intake review that corrects the category or village routes by the corrected ones and says so on
 * the timeline.
 */
class DirectAnswerAndCorrectionTest extends ApiTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void aDirectAnswerClosesTheCaseAsAnsweredAndTheVillagerStillRatesIt() {
        String number = file("villager1", "低保怎么申请", "家里老人想申请低保，要准备哪些材料，到哪里办？", "other");
        String reply = "低保向户籍所在地乡镇人民政府申请，需带户口本、身份证和家庭收入证明，村委会可代为提交。";
        completeStage("grid1", number, "accept", Map.of("outcome", "answer", "reply", reply));

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.get("status").asText()).isEqualTo("answered");
        assertThat(c.get("statusName").asText()).isEqualTo("已直接答复");
        assertThat(c.get("outcomeNote").asText()).isEqualTo(reply);
        assertThat(c.get("closedAt").isTextual()).isTrue();
        assertThat(c.at("/handling/signDue").isMissingNode() || c.at("/handling/signDue").isNull())
                .as("never dispatched").isTrue();
        assertThat(taskOf("grid1", number, "rateAnswer")).as("the grid member does not rate").isNull();

        completeStage("villager1", number, "rateAnswer", Map.of("rating", "satisfied", "comment", "说得很清楚"));
        JsonNode rated = get("villager1", "/api/cases/" + number).getBody();
        assertThat(rated.get("status").asText()).as("still answered, never solved").isEqualTo("answered");
        assertThat(rated.at("/handling/rating").asText()).isEqualTo("satisfied");
        assertThat(get("villager1", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .containsSubsequence("filed", "answered", "closed", "rated")
                .doesNotContain("dispatched", "accepted");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("answerRated")
                .processInstanceId(processOf(number)).count()).isEqualTo(1);
    }

    @Test
    void anUnratedAnswerIsRecordedAsNoResponseWhenTheTimePasses() {
        String number = file("villager1", "医保缴费时间", "今年的城乡居民医保什么时候开始交？", "other");
        completeStage("grid1", number, "accept", Map.of("outcome", "answer", "reply", "每年9月至12月在村委会或手机上缴纳。"));
        Job timer = management.createJobQuery().processInstanceId(processOf(number)).timers().singleResult();
        assertThat(timer).as("the rating waits for the configured days").isNotNull();
        management.executeJob(timer.getId());

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.get("status").asText()).isEqualTo("answered");
        assertThat(c.at("/handling/rating").asText()).isEqualTo("no-response");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void aDirectAnswerNeedsItsReplyAndCorrectionsMustBeKnown() {
        String number = file("villager1", "咨询", "想咨询一下危房改造补助标准", "housing");
        ResponseEntity<JsonNode> noReply = complete("grid1", number, "accept", Map.of("outcome", "answer"));
        assertThat(noReply.getStatusCode().value()).isEqualTo(400);
        assertThat(noReply.getBody().toString()).contains("reply");

        ResponseEntity<JsonNode> wrong = complete("grid1", number, "accept",
                Map.of("outcome", "accept", "category", "no-such-category", "villageCode", "QS99999"));
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().toString()).contains("category").contains("villageCode").doesNotContain("SQL");
        JsonNode unchanged = get("villager1", "/api/cases/" + number).getBody();
        assertThat(unchanged.get("status").asText()).as("nothing half-stored").isEqualTo("received");
        assertThat(unchanged.get("category").asText()).isEqualTo("housing");
    }

    @Test
    void aCorrectedCategoryIsRoutedAnewAndNotedOnTheTimeline() {
        String number = file("villager1", "停电三天了", "我们组已经停电三天了，冰箱里的东西都坏了。", "water");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general", "category", "power"));

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.get("category").asText()).isEqualTo("power");
        assertThat(c.get("status").asText()).isEqualTo("dispatched");
        assertThat(c.get("handlingOrganisation").asText()).as("power goes to the power company (case-routing.dmn)")
                .contains("供电");
        JsonNode correction = entry(number, "recategorised");
        assertThat(correction.get("stage").asText()).isEqualTo("accept");
        assertThat(correction.get("note").asText()).contains("饮水").contains("→").doesNotContain("water", "power");
    }

    @Test
    void aCorrectedVillageIsRoutedToItsTownshipAndVerifiedByItsVillage() {
        String number = file("villager1", "村口桥栏杆断了", "枫树坪村村口小桥的栏杆断了，孩子上学很危险。", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general", "villageCode", "QS02001"));

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.get("villageCode").asText()).isEqualTo("QS02001");
        assertThat(c.get("handlingOrganisation").asText()).isEqualTo("青溪乡人民政府");
        assertThat(entry(number, "recategorised").get("note").asText()).contains("李家村 → 枫树坪村");
        assertThat(taskOf("township1", number, "sign")).as("石门镇 no longer holds it").isNull();
        completeStage("staff-QS02", number, "sign", Map.of("outcome", "sign"));
        completeStage("staff-QS02", number, "investigate", Map.of("findings", "栏杆锈断"));
        completeStage("staff-QS02", number, "design", Map.of("plan", "更换栏杆", "cost", 1200));
        completeStage("staff-QS02", number, "implement", Map.of("report", "已更换"));
        assertThat(taskOf("grid1", number, "verify")).as("李家村's grid member no longer verifies").isNull();
        completeStage("grid-QS02001", number, "verify", Map.of("outcome", "solved"));
    }

    @Test
    void aVillagerMayReopenAnAnswerThatDidNotHelp() {
        String number = file("villager1", "补贴没到账", "耕地地力补贴今年还没到账，问问怎么回事。", "subsidy");
        completeStage("grid1", number, "accept", Map.of("outcome", "answer", "reply", "补贴将于下月统一发放。"));
        completeStage("villager1", number, "rateAnswer", Map.of("rating", "dissatisfied", "comment", "别家都到了"));
        assertThat(post("villager1", "/api/cases/" + number + "/reopen", Map.of("reason", "别家都到账了，只有我家没有"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("dispatched");
    }

    private ResponseEntity<JsonNode> complete(String user, String number, String stage, Map<String, Object> form) {
        return post(user, "/api/tasks/" + taskOf(user, number, stage) + "/complete", form);
    }

    private String processOf(String number) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    }

    private JsonNode entry(String number, String kind) {
        for (JsonNode e : get("admin", "/api/cases/" + number + "/timeline").getBody()) {
            if (e.get("kind").asText().equals(kind)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " on " + number);
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
