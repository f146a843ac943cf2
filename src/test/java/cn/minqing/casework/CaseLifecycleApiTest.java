package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** Walks cases filed by villager1 through the API alone, as the demo users who work each stage. */
class CaseLifecycleApiTest extends ApiTest {

    @Test
    void aCaseIsWalkedToSolvedByTheDemoUsers() {
        String number = file("villager1", "村道坑洼", "去镇上的村道坑坑洼洼，下雨天积水，电动车经常摔倒。", "road");

        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        assertThat(status(number)).isEqualTo("dispatched");
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("handlingOrganisation").asText()).isEqualTo("石门镇人民政府");
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        assertThat(status(number)).isEqualTo("investigating");
        completeStage("township1", number, "investigate", Map.of("findings", "现场查看，约200米路面破损"));
        completeStage("township1", number, "design", Map.of("plan", "铺设水泥路面修补坑洼", "cost", 8000));
        assertThat(status(number)).isEqualTo("implementing");
        completeStage("township1", number, "implement", Map.of("report", "已修补完成"));
        completeStage("grid1", number, "verify", Map.of("outcome", "solved", "note", "已修补，村民通行正常"));
        assertThat(status(number)).isEqualTo("awaiting-feedback");
        completeStage("villager1", number, "feedback", Map.of("rating", "satisfied", "comment", "修得很好"));

        JsonNode done = get("villager1", "/api/cases/" + number).getBody();
        assertThat(done.get("status").asText()).isEqualTo("solved");
        assertThat(done.at("/handling/rating").asText()).isEqualTo("satisfied");
        assertThat(done.at("/handling/resolveDue").isTextual()).isTrue();
        assertThat(get("villager1", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .containsSubsequence("filed", "accepted", "dispatched", "signed", "investigated", "designed",
                        "implemented", "verified", "rated", "closed");
    }

    @Test
    void theReporterMayReopenASolvedCaseWithAReason() {
        String number = file("villager1", "路灯又坏了", "上个月修好的路灯又不亮了", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "灯泡损坏"));
        completeStage("township1", number, "design", Map.of("plan", "更换灯泡", "cost", 50));
        completeStage("township1", number, "implement", Map.of("report", "已更换"));
        completeStage("grid1", number, "verify", Map.of("outcome", "solved"));
        completeStage("villager1", number, "feedback", Map.of("rating", "satisfied"));
        assertThat(status(number)).isEqualTo("solved");

        assertThat(post("villager2", "/api/cases/" + number + "/reopen", Map.of("reason", "x")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(post("villager1", "/api/cases/" + number + "/reopen", Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(post("villager1", "/api/cases/" + number + "/reopen", Map.of("reason", "修好三天又坏了"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(status(number)).isEqualTo("dispatched");
        assertThat(get("villager1", "/api/cases/" + number).getBody().at("/handling/reworks").asInt()).isEqualTo(1);
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        assertThat(status(number)).isEqualTo("investigating");
    }

    @Test
    void anOpenCaseCannotBeReopened() {
        String number = file("villager1", "还在办", "还在办理中", "other");
        assertThat(post("villager1", "/api/cases/" + number + "/reopen", Map.of("reason", "x")).getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void aDissatisfiedRatingBringsBackARework() {
        String number = file("villager1", "自来水浑浊", "自来水有泥沙，烧开了也有沉淀。", "water");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "水池未清洗"));
        completeStage("township1", number, "design", Map.of("plan", "清洗蓄水池", "cost", 600));
        completeStage("township1", number, "implement", Map.of("report", "已清洗"));
        completeStage("grid1", number, "verify", Map.of("outcome", "solved"));
        completeStage("villager1", number, "feedback", Map.of("rating", "dissatisfied", "comment", "还是浑的"));

        assertThat(status(number)).isEqualTo("rework");
        assertThat(get("villager1", "/api/cases/" + number).getBody().at("/handling/reworks").asInt()).isEqualTo(1);
        assertThat(taskOf("township1", number, "implement")).isNotBlank();
    }

    @Test
    void aCostlySolutionNeedsTheLeadersApproval() {
        String number = file("villager1", "危桥改造", "后山石拱桥裂缝很大，需要重建。", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "桥体开裂"));
        completeStage("township1", number, "design", Map.of("plan", "拆除重建", "cost", 380000));
        assertThat(status(number)).isEqualTo("approving");
        completeStage("leader1", number, "approve", Map.of("outcome", "reject", "note", "请比较加固方案"));
        assertThat(status(number)).isEqualTo("designing");
        completeStage("township1", number, "design", Map.of("plan", "加固并限载", "cost", 60000, "departments", List.of("QS01-GOV", "QS-TRANSPORT")));
        completeStage("leader1", number, "approve", Map.of("outcome", "approve"));
        assertThat(status(number)).isEqualTo("implementing");
    }

    @Test
    void returnsGoToTheDispatcherThenToTheCountyCentre() {
        String number = file("villager1", "合作社欠款", "合作社收了辣椒一直不给钱。", "farm-sales");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "return", "reason", "属县农业农村局职责"));
        assertThat(status(number)).isEqualTo("accepted");
        completeStage("leader1", number, "dispatch", Map.of("organisation", "QS01-GOV"));
        ResponseEntity<JsonNode> noReason = post("township1", "/api/tasks/" + taskOf("township1", number, "sign") + "/complete",
                Map.of("outcome", "return"));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        completeStage("township1", number, "sign", Map.of("outcome", "return", "reason", "仍不属本单位"));

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.at("/handling/returns").asInt()).isEqualTo(2);
        assertThat(c.get("handlingOrganisation").asText()).isEqualTo("青石县群众诉求服务中心");
        ResponseEntity<JsonNode> third = post("leader1", "/api/tasks/" + taskOf("leader1", number, "sign") + "/complete",
                Map.of("outcome", "return", "reason", "不想办"));
        assertThat(third.getStatusCode().value()).isEqualTo(400);
        completeStage("leader1", number, "sign", Map.of("outcome", "sign"));
        assertThat(status(number)).isEqualTo("investigating");
    }

    @Test
    void aRejectedReportEndsRejectedWithItsReason() {
        String number = file("villager1", "邻居吵架", "隔壁两口子天天吵架", "security");
        completeStage("grid1", number, "accept", Map.of("outcome", "reject", "reason", "属于家庭纠纷，已引导调解"));
        JsonNode done = get("villager1", "/api/cases/" + number).getBody();
        assertThat(done.get("status").asText()).isEqualTo("rejected");
        assertThat(done.get("outcomeNote").asText()).isEqualTo("属于家庭纠纷，已引导调解");
    }

    @Test
    void anUnsolvableCaseSaysWhy() {
        String number = file("villager1", "想通天然气", "村里想通天然气", "other");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "管网未覆盖"));
        completeStage("township1", number, "design", Map.of("plan", "向上级反映", "cost", 0));
        completeStage("township1", number, "implement", Map.of("report", "已书面反映"));
        ResponseEntity<JsonNode> missingNote = post("grid1", "/api/tasks/" + taskOf("grid1", number, "verify") + "/complete",
                Map.of("outcome", "unsolvable"));
        assertThat(missingNote.getStatusCode().value()).isEqualTo(400);
        completeStage("grid1", number, "verify", Map.of("outcome", "unsolvable", "note", "燃气管网规划未覆盖本村"));
        assertThat(status(number)).isEqualTo("unsolvable");
    }

    @Test
    void aDuplicateIsMergedAndCountsAsASupporter() {
        String original = file("villager1", "小学门口没有斑马线", "小学门口车多，没有斑马线，孩子过马路危险", "road");
        String duplicate = file("villager1", "学校门口过马路危险", "学校门口没有斑马线", "road");
        completeStage("grid1", duplicate, "accept", Map.of("outcome", "merge", "mergeInto", original));
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
        assertThat(get("villager1", "/api/tasks").getBody().findValuesAsText("id")).doesNotContain(task);
        assertThat(get("township1", "/api/tasks?size=500").getBody().findValuesAsText("id")).doesNotContain(task);
        assertThat(post("villager2", "/api/tasks/" + task + "/complete", Map.of("outcome", "accept"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(status(number)).isEqualTo("received");
    }

    @Test
    void aTaskCompletedTwiceAtOnceIsDoneOnceAndTheOtherTryIsToldWhy() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 6; i++) {
                String number = file("villager1", "双击提交" + i, "网格员连点两次受理，第" + i + "件", "sanitation");
                String task = taskOf("grid1", number, "accept");
                java.util.concurrent.Callable<Integer> twice = () -> post("grid1", "/api/tasks/" + task + "/complete",
                        Map.of("outcome", "accept", "urgency", "general")).getStatusCode().value();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var f : pool.invokeAll(List.of(twice, twice))) {
                    statuses.add(f.get());
                }
                assertThat(statuses).as("task %s: one completion, the other refused with a reason", task)
                        .containsOnlyOnce(200).allMatch(s -> s == 200 || s == 404 || s == 409);
                assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind")
                        .stream().filter("accepted"::equals).count()).as("recorded once").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimedTaskBelongsToItsClaimant() {
        String number = file("villager1", "补贴没到账", "今年的耕地地力补贴还没到账", "subsidy");
        String task = taskOf("grid1", number, "accept");
        JsonNode claimed = post("grid1", "/api/tasks/" + task + "/claim", Map.of()).getBody();
        assertThat(claimed.get("assignee").asText()).isEqualTo("grid1");
        assertThat(claimed.get("candidateGroups").get(0).asText()).isEqualTo("village:QS01001");
        assertThat(claimed.get("stage").asText()).isEqualTo("accept");
        assertThat(claimed.get("caseNumber").asText()).isEqualTo(number);
    }

    @Test
    void theTaskListFiltersAndCountsPerStage() {
        String number = file("villager1", "低保复核", "家里老人低保复核一直没结果", "subsidy");
        JsonNode counts = get("grid1", "/api/tasks/counts").getBody();
        assertThat(counts.get("accept").asLong()).isPositive();
        JsonNode filtered = get("grid1", "/api/tasks?stage=accept&category=subsidy&village=QS01001").getBody();
        assertThat(filtered.findValuesAsText("caseNumber")).contains(number);
        assertThat(filtered.findValuesAsText("category")).isNotEmpty().allMatch("subsidy"::equals);
        JsonNode task = filtered.get(0);
        assertThat(task.get("caseTitle").asText()).isNotBlank();
        assertThat(task.get("flag").asText()).isIn("none", "yellow", "red");
    }

    private String taskOf(String user, String number, String stage) {
        for (JsonNode t : get(user, "/api/tasks?caseNumber=" + number).getBody()) {
            if (t.get("stage").asText().equals(stage)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for " + number);
    }

    private String status(String number) {
        return get("villager1", "/api/cases/" + number).getBody().get("status").asText();
    }
}
