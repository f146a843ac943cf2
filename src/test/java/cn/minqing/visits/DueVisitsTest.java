package cn.minqing.visits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 走访提醒: a household's next visit from its tags' shortest interval, yellow then red on the visitor's task list. */
class DueVisitsTest extends ApiTest {

    private static final String MEMBER = "dangyuan-QS01004-1";

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anElderlyLivingAloneTurnsYellowThenRedOnTheTaskListUntilVisited() {
        String code = "DUE" + System.nanoTime() % 1_000_000;
        String csv = "code,village_code,address,head_name,tags,grid_member,party_member\n"
                + code + ",QS01004,四组2号,钱老汉,独居老人、低保户,grid-QS01004," + MEMBER + "\n";
        assertThat(postFile("admin", "/api/admin/import/households", "h.csv", csv.getBytes(StandardCharsets.UTF_8))
                .getBody().get("imported").asInt()).isEqualTo(1);
        long id = household(code).get("id").asLong();
        assertThat(household(code).get("visitIntervalDays").asInt()).isEqualTo(7); // 独居老人 7 beats 低保户 30
        assertThat(due(id)).isNull();

        move(Duration.ofDays(6)); // past 75% of the week
        assertThat(due(id).get("flag").asText()).isEqualTo("yellow");

        move(Duration.ofDays(9));
        JsonNode red = due(id);
        assertThat(red.get("flag").asText()).isEqualTo("red");
        assertThat(red.get("daysOverdue").asInt()).isEqualTo(2);
        assertThat(household(code).get("visitOverdue").asBoolean()).isTrue();

        WebSession web = webSession(newAddress());
        web.login(MEMBER, PASSWORD);
        String page = web.get("/workbench").body();
        assertThat(page).contains("走访提醒", "钱老汉", "data-household=\"" + id + "\"", "超期2天");
        WebSession grid = webSession(newAddress());
        grid.login("grid-QS01004", PASSWORD);
        assertThat(grid.get("/workbench").body()).contains("钱老汉");

        assertThat(post(MEMBER, "/api/visits", Map.of("household", id, "visitedAt", ClockUtil.getCurrentTime().toInstant().toString(),
                "met", "钱老汉本人", "needs", List.of())).getStatusCode().value()).isEqualTo(201);
        assertThat(due(id)).isNull();
        assertThat(household(code).get("visitOverdue").asBoolean()).isFalse();
    }

    private JsonNode household(String code) {
        for (JsonNode h : get(MEMBER, "/api/households?mine=true").getBody()) {
            if (h.get("code").asText().equals(code)) {
                return h;
            }
        }
        throw new AssertionError("no household " + code);
    }

    private JsonNode due(long household) {
        for (JsonNode d : get(MEMBER, "/api/visits/due").getBody()) {
            if (d.get("household").asLong() == household) {
                return d;
            }
        }
        return null;
    }

    private static void move(Duration by) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(by)));
    }
}
