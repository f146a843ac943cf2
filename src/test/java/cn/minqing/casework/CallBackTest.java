package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 电话回访 (issue 18) through the API as the demo users: when the villager gives no rating in time the county centre
 * (leader1, 青石县12345 centre) gets a {@code call-back} task and records the rating given on the phone, marked
 * {@code handling.ratedBy: phone}; only when the call-back runs out too is no-response recorded.
 */
class CallBackTest extends ApiTest {

    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void theCentreRecordsTheRatingGivenOnThePhone() {
        String number = awaitingFeedback("村口路灯不亮", "村口两盏路灯坏了一个月，晚上走路看不见。");
        fire(number, "noResponse");
        assertThat(absent(get("admin", "/api/cases/" + number).getBody().at("/handling/rating"))).isTrue();
        assertThat(tasksOf("villager1", number)).as("the villager's own rating task is gone").isEmpty();
        assertThat(tasksOf("grid1", number)).as("only the county centre calls back").isEmpty();

        assertThat(post("leader1", "/api/tasks/" + taskOf("leader1", number) + "/complete", Map.of("comment", "电话打通了"))
                .getStatusCode().value()).as("a rating must be given").isEqualTo(400);
        completeStage("leader1", number, "call-back", Map.of("rating", "basically", "comment", "电话回访：灯修好了，就是修得慢"));

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.get("status").asText()).isEqualTo("solved");
        assertThat(c.at("/handling/rating").asText()).isEqualTo("basically");
        assertThat(c.at("/handling/ratedBy").asText()).isEqualTo("phone");
        assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .contains("rated-by-phone").doesNotContain("no-response");
    }

    @Test
    void noResponseIsRecordedOnlyWhenTheCallBackRunsOutToo() {
        String number = awaitingFeedback("水井抽水泵坏了", "组里公用水井的抽水泵坏了，几户人家没水用。");
        fire(number, "noResponse");
        assertThat(taskOf("leader1", number)).isNotNull();
        fire(number, "callBackMissed");

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.get("status").asText()).isEqualTo("solved");
        assertThat(c.at("/handling/rating").asText()).isEqualTo("no-response");
        assertThat(absent(c.at("/handling/ratedBy"))).isTrue();
        assertThat(tasksOf("leader1", number)).isEmpty();
    }

    @Test
    void aVillagerWhoRatesInTimeMeetsNoCallBack() {
        String number = awaitingFeedback("渠道漏水", "灌溉渠道有一段漏水严重。");
        completeStage("villager1", number, "feedback", Map.of("rating", "satisfied"));
        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(absent(c.at("/handling/ratedBy"))).isTrue();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("call-back")
                .processInstanceId(processOf(number)).count()).isZero();
    }

    private String awaitingFeedback(String title, String description) {
        String number = file("villager1", title, description, "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "现场查看属实"));
        completeStage("township1", number, "design", Map.of("plan", "组织维修", "cost", 500));
        completeStage("township1", number, "implement", Map.of("report", "已维修完成"));
        completeStage("grid1", number, "verify", Map.of("outcome", "solved", "note", "已修好"));
        assertThat(taskOf("villager1", number)).isNotNull();
        return number;
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private String processOf(String number) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
    }

    private void fire(String number, String activity) {
        String pi = processOf(number);
        Job timer = management.createJobQuery().processInstanceId(pi).activityId(activity).singleResult();
        assertThat(timer).as(activity).isNotNull();
        management.executeJob(timer.getId());
    }

    private JsonNode tasksOf(String user, String number) {
        return get(user, "/api/tasks?caseNumber=" + number).getBody();
    }

    private String taskOf(String user, String number) {
        JsonNode tasks = tasksOf(user, number);
        return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    }
}
