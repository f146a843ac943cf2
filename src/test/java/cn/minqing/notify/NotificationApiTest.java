package cn.minqing.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationApiTest extends ApiTest {

    @Test
    void theReporterHearsWhenTheCaseMovesAndCanMarkItRead() {
        post("villager2", "/api/notifications/read", Map.of());
        String number = file("villager2", "枫树坪水井干了", "村里老水井干了，十几户吃水要去邻村挑", "water");
        JsonNode task = get("grid-QS02001", "/api/tasks?caseNumber=" + number).getBody().get(0);
        assertThat(post("grid-QS02001", "/api/tasks/" + task.get("id").asText() + "/complete",
                Map.of("outcome", "accept")).getStatusCode().value()).isEqualTo(200);

        JsonNode unread = get("villager2", "/api/notifications?unread=true").getBody();
        assertThat(unread.findValuesAsText("caseNumber")).contains(number);
        assertThat(unread.findValuesAsText("status")).contains("dispatched");
        assertThat(unread.get(0).get("text").asText()).contains(number);
        assertThat(get("villager2", "/api/notifications/count").getBody().get("unread").asLong()).isPositive();

        post("villager2", "/api/notifications/read", Map.of());
        assertThat(get("villager2", "/api/notifications/count").getBody().get("unread").asLong()).isZero();
        assertThat(get("villager1", "/api/notifications").getBody().findValuesAsText("caseNumber")).doesNotContain(number);
    }
}
