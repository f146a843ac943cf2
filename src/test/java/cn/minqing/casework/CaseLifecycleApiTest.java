package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Walks cases filed by villager1 to their end through the API alone, as the demo cadres. */
class CaseLifecycleApiTest extends ApiTest {

    @Test
    void aCaseIsWalkedFromFilingToSolved() {
        String number = file("villager1", "村道坑洼", "去镇上的村道坑坑洼洼，下雨天积水，电动车经常摔倒。", "road");

        complete("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        assertThat(status(number)).isEqualTo("investigating");
        complete("township1", number, "investigate", Map.of("findings", "现场查看，约200米路面破损"));
        assertThat(status(number)).isEqualTo("designing");
        complete("township1", number, "design", Map.of("plan", "铺设水泥路面修补坑洼", "cost", 18000));
        assertThat(status(number)).isEqualTo("verifying");
        complete("grid1", number, "verify", Map.of("outcome", "solved", "note", "已修补，村民通行正常"));

        JsonNode done = get("villager1", "/api/cases/" + number).getBody();
        assertThat(done.get("status").asText()).isEqualTo("solved");
        assertThat(done.get("closedAt")).isNotNull();
        assertThat(done.get("urgency").asText()).isEqualTo("general");
        assertThat(get("villager1", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .containsSubsequence("filed", "accepted", "investigated", "designed", "verified", "closed");
    }

    @Test
    void aRejectedReportEndsRejectedWithItsReason() {
        String number = file("villager1", "邻居吵架", "隔壁两口子天天吵架", "security");
        complete("grid1", number, "accept", Map.of("outcome", "reject", "reason", "属于家庭纠纷，已引导调解"));
        JsonNode done = get("villager1", "/api/cases/" + number).getBody();
        assertThat(done.get("status").asText()).isEqualTo("rejected");
        assertThat(done.get("outcomeNote").asText()).isEqualTo("属于家庭纠纷，已引导调解");
    }

    @Test
    void anUnsolvableCaseSaysWhy() {
        String number = file("villager1", "想通天然气", "村里想通天然气", "other");
        complete("grid1", number, "accept", Map.of("outcome", "accept"));
        complete("township1", number, "investigate", Map.of("findings", "管网未覆盖"));
        complete("township1", number, "design", Map.of("plan", "向县里反映"));
        ResponseEntity<JsonNode> missingNote = post("grid1", "/api/tasks/" + taskOf("grid1", number, "verify") + "/complete",
                Map.of("outcome", "unsolvable"));
        assertThat(missingNote.getStatusCode().value()).isEqualTo(400);
        complete("grid1", number, "verify", Map.of("outcome", "unsolvable", "note", "燃气管网规划未覆盖本村"));
        assertThat(status(number)).isEqualTo("unsolvable");
    }

    @Test
    void aDuplicateIsMergedAndCountsAsASupporter() {
        String original = file("villager1", "小学门口没有斑马线", "小学门口车多，没有斑马线，孩子过马路危险", "road");
        String duplicate = file("villager1", "学校门口过马路危险", "学校门口没有斑马线", "road");
        complete("grid1", duplicate, "accept", Map.of("outcome", "merge", "mergeInto", original));
        assertThat(status(duplicate)).isEqualTo("merged");
        assertThat(get("villager1", "/api/cases/" + original).getBody().get("supporters").asInt()).isEqualTo(1);
    }

    @Test
    void aStageRefusesAnOutcomeItDoesNotKnow() {
        String number = file("villager1", "信号差", "后山一点手机信号都没有", "telecom");
        ResponseEntity<JsonNode> response = post("grid1", "/api/tasks/" + taskOf("grid1", number, "accept") + "/complete",
                Map.of("outcome", "maybe"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("outcome");
        assertThat(status(number)).isEqualTo("received");
    }

    @Test
    void onlyThoseWhoMayWorkATaskSeeOrCompleteIt() {
        String number = file("villager1", "垃圾池满了", "村头垃圾池满了没人拉", "sanitation");
        String task = taskOf("grid1", number, "accept");
        assertThat(tasksOf("villager1").findValuesAsText("id")).doesNotContain(task);
        assertThat(tasksOf("township1").findValuesAsText("id")).doesNotContain(task);
        assertThat(post("villager2", "/api/tasks/" + task + "/complete", Map.of("outcome", "accept"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(status(number)).isEqualTo("received");
    }

    @Test
    void aClaimedTaskBelongsToItsClaimant() {
        String number = file("villager1", "补贴没到账", "今年的耕地地力补贴还没到账", "subsidy");
        String task = taskOf("grid1", number, "accept");
        JsonNode claimed = post("grid1", "/api/tasks/" + task + "/claim", Map.of()).getBody();
        assertThat(claimed.get("assignee").asText()).isEqualTo("grid1");
        assertThat(claimed.get("candidateGroups").get(0).asText()).isEqualTo("village:QS01001");
        assertThat(claimed.get("stage").asText()).isEqualTo("accept");
    }

    private void complete(String user, String number, String stage, Map<String, Object> form) {
        String task = taskOf(user, number, stage);
        ResponseEntity<JsonNode> response = post(user, "/api/tasks/" + task + "/complete", form);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    }

    private String taskOf(String user, String number, String stage) {
        for (JsonNode t : get(user, "/api/tasks?caseNumber=" + number).getBody()) {
            if (t.get("caseNumber").asText().equals(number) && t.get("stage").asText().equals(stage)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for " + number);
    }

    private JsonNode tasksOf(String user) {
        return get(user, "/api/tasks?size=500").getBody();
    }

    private String status(String number) {
        return get("villager1", "/api/cases/" + number).getBody().get("status").asText();
    }
}
