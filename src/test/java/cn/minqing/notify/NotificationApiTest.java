package cn.minqing.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A villager hears only what matters — accepted and who handles it, done and please rate (a supporter: closed) —
 * by the case's title with the next step, not one message per status; and can mark them read.
 */
class NotificationApiTest extends ApiTest {

    private static final String SUPPORTER = "cunmin-QS02001-1";

    @Test
    void theReporterAndASupporterHearOnlyWhatMattersByTitle() {
        post("villager2", "/api/notifications/read", Map.of());
        post(SUPPORTER, "/api/notifications/read", Map.of());
        String number = file("villager2", "枫树坪水井干了", "村里老水井干了，十几户吃水要去邻村挑", "water");
        assertThat(post(SUPPORTER, "/api/cases/" + number + "/support", Map.of()).getStatusCode().value()).isEqualTo(200);

        step("grid-QS02001", number, Map.of("outcome", "accept"));
        assertThat(texts("villager2", number)).containsExactly("您反映的“枫树坪水井干了”已受理，接下来由青溪乡人民政府办理。");
        assertThat(texts(SUPPORTER, number)).containsExactly("您附议的“枫树坪水井干了”已受理，接下来由青溪乡人民政府办理。");
        assertThat(statuses("villager2", number)).containsExactly("dispatched");

        step("staff-QS02", number, Map.of("outcome", "sign"));
        step("staff-QS02", number, Map.of("findings", "水井水位下降"));
        step("staff-QS02", number, Map.of("plan", "接通自来水", "cost", 3000));
        step("staff-QS02", number, Map.of("report", "已接通"));
        assertThat(texts("villager2", number)).hasSize(1); // 签收, 调研, 方案, 实施: on the case page, not in messages
        step("grid-QS02001", number, Map.of("outcome", "solved"));
        assertThat(texts("villager2", number)).hasSize(2)
                .first().isEqualTo("您反映的“枫树坪水井干了”已经办好了，请您评价：满意、基本满意还是不满意。");
        assertThat(texts(SUPPORTER, number)).hasSize(1);

        step("villager2", number, Map.of("rating", "satisfied"));
        assertThat(texts("villager2", number)).hasSize(2);
        assertThat(texts(SUPPORTER, number)).hasSize(2).first().isEqualTo("您附议的“枫树坪水井干了”已办结，问题已解决。");

        assertThat(get("villager2", "/api/notifications/count").getBody().get("unread").asLong()).isEqualTo(2);
        post("villager2", "/api/notifications/read", Map.of());
        assertThat(get("villager2", "/api/notifications/count").getBody().get("unread").asLong()).isZero();
        assertThat(get("villager1", "/api/notifications").getBody().findValuesAsText("caseNumber")).doesNotContain(number);
    }

    @Test
    void aRejectionSaysWhy() {
        String number = file("villager2", "想在村口摆摊", "想在村口摆个水果摊，问问行不行", "other");
        step("grid-QS02001", number, Map.of("outcome", "reject", "reason", "不属于诉求事项，请到乡市场监管所咨询"));
        assertThat(texts("villager2", number))
                .containsExactly("您反映的“想在村口摆摊”没有受理。原因：不属于诉求事项，请到乡市场监管所咨询");
    }

    /** The texts of one case's notifications for a person, newest first. */
    private List<String> texts(String user, String number) {
        return field(user, number, "text");
    }

    private List<String> statuses(String user, String number) {
        return field(user, number, "status");
    }

    private List<String> field(String user, String number, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode n : get(user, "/api/notifications").getBody()) {
            if (n.get("caseNumber").asText().equals(number)) {
                values.add(n.get(name).asText());
            }
        }
        return values;
    }

    private void step(String user, String number, Map<String, Object> form) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number).getBody();
        assertThat(tasks.size()).as(user + " has a task on " + number).isPositive();
        var done = post(user, "/api/tasks/" + tasks.get(0).get("id").asText() + "/complete", form);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
    }
}
