package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/cases/{number}/progress follows a case stage by stage on real servers: a return (退单), an approval,
 * a dissatisfied rating (重办); holders are organisations by name, never people; others' cases are 404.
 */
class CaseProgressApiTest extends ApiTest {

    @Test
    void theStagesFollowTheCaseThroughAReturnAnApprovalAndARework() {
        String number = file("villager1", "三组自来水停了三天", "三组的自来水停了三天，老人孩子吃水要去井里挑", "water");
        JsonNode filed = progress("villager1", number);
        assertThat(stages(filed)).containsExactly("accept", "dispatch", "sign", "investigate", "design", "implement",
                "verify", "feedback");
        assertThat(states(filed)).containsExactly("current", "ahead", "ahead", "ahead", "ahead", "ahead", "ahead", "ahead");
        assertThat(filed.get(0).get("name").asText()).isEqualTo("受理");
        assertThat(filed.get(0).get("holder").asText()).isEqualTo("李家村村民委员会");
        assertThat(filed.get(0).get("due").isNull()).isFalse();
        assertThat(filed.get(0).get("enteredAt").isNull()).isFalse();

        step("grid1", number, Map.of("outcome", "accept"));
        step("township1", number, Map.of("outcome", "return", "reason", "不归本镇管"));
        JsonNode returned = progress("villager1", number);
        assertThat(states(returned)).startsWith("done", "current", "ahead");
        assertThat(returned.get(2).get("events").toString()).contains("returned");
        assertThat(returned.get(1).get("holder").asText()).isEqualTo("青石县群众诉求服务中心");

        step("leader1", number, Map.of("organisation", "QS01-GOV", "note", "改派石门镇"));
        step("township1", number, Map.of("outcome", "sign"));
        step("township1", number, Map.of("findings", "主管道破裂"));
        step("township1", number, Map.of("plan", "更换主管道", "cost", 30000));
        JsonNode approving = progress("villager1", number);
        assertThat(stages(approving)).containsExactly("accept", "dispatch", "sign", "investigate", "design", "approve",
                "implement", "verify", "feedback");
        assertThat(approving.get(5).get("state").asText()).isEqualTo("current");
        assertThat(approving.get(5).get("holder").asText()).isEqualTo("青石县领导");
        assertThat(approving.get(3).get("holder").asText()).isEqualTo("石门镇人民政府");
        assertThat(approving.get(3).get("leftAt").isNull()).isFalse();

        step("leader1", number, Map.of("outcome", "approve"));
        step("township1", number, Map.of("report", "已更换"));
        step("grid1", number, Map.of("outcome", "solved"));
        JsonNode rating = progress("villager1", number);
        assertThat(rating.get(8).get("state").asText()).isEqualTo("current");
        assertThat(rating.get(8).get("holder").asText()).isEqualTo("反映人");

        step("villager1", number, Map.of("rating", "dissatisfied", "comment", "水还是时有时无"));
        JsonNode rework = progress("villager1", number);
        assertThat(states(rework)).containsExactly("done", "done", "done", "done", "done", "done", "current", "ahead", "ahead");
        assertThat(rework.get(6).get("events").toString()).contains("reworked");
        assertThat(rework.get(6).get("due").isNull()).isFalse();

        // cadres who may see the case see the same; nobody is named
        String asLeader = get("leader1", "/api/cases/" + number + "/progress").getBody().toString();
        assertThat(asLeader).doesNotContain("township1", "grid1", "leader1", "villager1", "李建国");
    }

    @Test
    void aClosedCaseListsOnlyWhatHappenedAndOthersGetNotFound() {
        String number = file("villager1", "村口垃圾没人清", "村口垃圾堆了半个月没人清", "sanitation");
        step("grid1", number, Map.of("outcome", "reject", "reason", "已由保洁公司当天清理"));
        JsonNode rejected = progress("villager1", number);
        assertThat(stages(rejected)).containsExactly("accept");
        assertThat(states(rejected)).containsExactly("done");

        assertThat(get("villager2", "/api/cases/" + number + "/progress").getStatusCode().value()).isEqualTo(404);
        assertThat(get("villager2", "/api/cases/" + number).getStatusCode().value()).isEqualTo(404);
        assertThat(get("villager1", "/api/cases/QS-19990101-0001/progress").getStatusCode().value()).isEqualTo(404);
    }

    private JsonNode progress(String user, String number) {
        var answer = get(user, "/api/cases/" + number + "/progress");
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    private void step(String user, String number, Map<String, Object> form) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number).getBody();
        assertThat(tasks.size()).as(user + " has a task on " + number).isPositive();
        var done = post(user, "/api/tasks/" + tasks.get(0).get("id").asText() + "/complete", form);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
    }

    private static List<String> stages(JsonNode steps) {
        return field(steps, "stage");
    }

    private static List<String> states(JsonNode steps) {
        return field(steps, "state");
    }

    private static List<String> field(JsonNode steps, String name) {
        List<String> values = new ArrayList<>();
        steps.forEach(s -> values.add(s.get(name).asText()));
        return values;
    }
}
