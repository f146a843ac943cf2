package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The case page shows what each decision rests on, above its form: the approval the plan, its cost and the
 * departments; the re-dispatch why the case came back; the sign-for where it was sent and the note. Buttons
 * say what they do; "由我办理" only while the task is unclaimed. The task list API keeps its fields and adds
 * the deadline in words and the claimant's name.
 */
class DecisionContextPageTest extends ApiTest {

    @Test
    void theApprovalShowsThePlanItsCostAndTheDepartments() {
        String number = file("villager1", "危桥加固", "后山石拱桥裂缝很大，过车很危险。", "road");
        complete("grid1", number, "accept", Map.of("outcome", "accept", "reason", "请石门镇尽快查看桥体"));
        String sign = page("township1", number);
        assertThat(section(sign, "context-sign")).contains("派至 石门镇人民政府", "请石门镇尽快查看桥体");
        assertThat(sign).contains("由我办理", "退回县中心", "data-outcome=\"sign\"");

        ResponseEntity<JsonNode> claimed = post("township1", "/api/tasks/" + task("township1", number, "sign") + "/claim", Map.of());
        assertThat(claimed.getBody().get("assigneeName").asText()).isEqualTo("刘志强（石门镇）");
        assertThat(claimed.getBody().get("assignee").asText()).as("the old field stays").isEqualTo("township1");
        assertThat(claimed.getBody().get("dueInWords").asText()).matches("(剩|超期)\\d+(天|小时|分钟)");
        String claimedPage = page("township1", number);
        assertThat(claimedPage).doesNotContain("由我办理").contains("已签收 · 刘志强（石门镇）");

        complete("township1", number, "sign", Map.of("outcome", "sign"));
        complete("township1", number, "investigate", Map.of("findings", "桥体开裂"));
        complete("township1", number, "design", Map.of("plan", "加固桥墩并限载", "cost", 60000,
                "departments", List.of("QS01-GOV", "QS-TRANSPORT")));
        String approve = section(page("leader1", number), "context-approve");
        assertThat(approve).contains("加固桥墩并限载", "60,000 元", "石门镇人民政府").doesNotContain("QS01-GOV");
        assertThat(page("leader1", number)).contains("批准方案", "退回修改方案");
    }

    @Test
    void theRedispatchShowsWhyTheCaseWasReturned() {
        String number = file("villager1", "合作社拖欠货款", "合作社收了辣椒三个月没给钱。", "farm-sales");
        complete("grid1", number, "accept", Map.of("outcome", "accept"));
        complete("township1", number, "sign", Map.of("outcome", "return", "reason", "属县农业农村局职责"));
        assertThat(section(page("leader1", number), "context-dispatch")).contains("属县农业农村局职责");
    }

    private String page(String user, String number) {
        ResponseEntity<String> page = as(user).getForEntity("/workbench/cases/" + number, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        return page.getBody();
    }

    /** The HTML of the block with this id, up to its closing tag. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf("</div>", start));
    }

    private void complete(String user, String number, String stage, Map<String, Object> body) {
        ResponseEntity<JsonNode> done = post(user, "/api/tasks/" + task(user, number, stage) + "/complete", body);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
    }

    private String task(String user, String number, String stage) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number + "&stage=" + stage).getBody();
        assertThat(tasks.size()).as(user + " has the " + stage + " task of " + number).isPositive();
        return tasks.get(0).get("id").asText();
    }
}
