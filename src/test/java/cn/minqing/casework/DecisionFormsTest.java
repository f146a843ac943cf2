package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No decision form arrives with a choice made for the person (受理/不予受理/合并, 签收/退单, 批准/退回, 已解决/无法解决,
 * 满意/基本满意/不满意): each stage's form is fetched as the one who holds the task; and a form sent without a choice is
 * a 400 naming the field, in words, never a default.
 */
class DecisionFormsTest extends ApiTest {

    private static final Pattern PRESELECTED = Pattern.compile("\\s(checked|selected)(=|\\s|>|/)");

    @Test
    void noDecisionFormPreselectsAChoiceAndNoChoiceIsRefusedInWords() {
        String number = file("villager1", "后山水渠垮了一段", "后山水渠垮了一段，下游十几亩田放不进水", "irrigation");
        decide("grid1", number, "accept", "outcome", 4, "请选择受理结果", Map.of("outcome", "accept"));
        decide("township1", number, "sign", "outcome", 2, "请选择：签收", Map.of("outcome", "sign"));
        work("township1", number, Map.of("findings", "渠堤垮塌约八米"));
        work("township1", number, Map.of("plan", "重砌渠堤", "cost", 50000));
        decide("leader1", number, "approve", "outcome", 2, "请选择：批准", Map.of("outcome", "approve"));
        work("township1", number, Map.of("report", "渠堤已重砌"));
        decide("grid1", number, "verify", "outcome", 2, "请选择核实结果", Map.of("outcome", "solved"));

        // the villager rates with three buttons, each carrying its value: there is no selected state at all
        String rate = section(page("villager1", number), "rate");
        assertThat(rate).contains("value=\"satisfied\"", "value=\"basically\"", "value=\"dissatisfied\"");
        assertThat(rate).doesNotContain("type=\"radio\"");
        assertThat(PRESELECTED.matcher(rate).find()).as(rate).isFalse();
        refused("villager1", number, "rating", "请选择您的评价");

        // a browser's form sent without a choice comes back to the page with the error in Chinese
        WebSession session = webSession(newAddress());
        session.login("villager1", PASSWORD);
        String task = taskId("villager1", number);
        HttpResponse<String> sent = session.submit("/workbench/cases/" + number, "/workbench/tasks/" + task + "/complete",
                Map.of("caseNumber", number, "comment", "没选"));
        assertThat(WebSession.location(sent)).isEqualTo("/workbench/cases/" + number);
        assertThat(session.get("/workbench/cases/" + number).body()).contains("请选择您的评价：满意、基本满意或不满意。");
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("awaiting-feedback");
    }

    /** The form of {@code stage} as its holder sees it: its choices are there, none is made; none sent is refused. */
    private void decide(String user, String number, String stage, String field, int choices, String refusal,
                        Map<String, Object> choice) {
        String form = section(page(user, number), "task-" + stage);
        Matcher inputs = Pattern.compile("<input[^>]*name=\"" + field + "\"[^>]*>").matcher(form);
        int found = 0;
        while (inputs.find()) {
            found++;
            assertThat(PRESELECTED.matcher(inputs.group()).find()).as(stage + ": " + inputs.group()).isFalse();
        }
        assertThat(found).as(stage + " offers its choices").isEqualTo(choices);
        assertThat(PRESELECTED.matcher(form).find()).as(stage + " form has nothing preselected").isFalse();
        refused(user, number, field, refusal);
        work(user, number, choice);
    }

    private void refused(String user, String number, String field, String words) {
        var answer = post(user, "/api/tasks/" + taskId(user, number) + "/complete", Map.of("comment", "", "note", ""));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        JsonNode error = answer.getBody().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).startsWith(words);
    }

    private String page(String user, String number) {
        var answer = as(user).getForEntity("/workbench/cases/" + number, String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    private static String section(String html, String id) {
        Matcher m = Pattern.compile("<section[^>]*id=\"" + id + "\"[\\s\\S]*?</section>").matcher(html);
        assertThat(m.find()).as("the page has #" + id).isTrue();
        return m.group();
    }

    private String taskId(String user, String number) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number).getBody();
        assertThat(tasks.size()).as(user + " has a task on " + number).isPositive();
        return tasks.get(0).get("id").asText();
    }

    private void work(String user, String number, Map<String, Object> form) {
        var done = post(user, "/api/tasks/" + taskId(user, number) + "/complete", form);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
    }
}
