package cn.minqing.overdue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The overdue board and 督办 over the API: a road case of 李家村 (石门镇), claimed by township1 at 调研, is made
 * overdue by moving its 办结时限 into the past in the database (put back afterwards, with township1's phone).
 */
class OverdueApiTest extends ApiTest {

    private static final String LONG_PASSWORD = "qingxi-leader-2026";

    @Autowired
    JdbcClient jdbc;

    private String number;
    private OffsetDateTime resolveDue;
    private String township1Phone;

    /** Filed, accepted, signed and claimed at 调研 by township1, then two days and three hours past its deadline. */
    private String overdueCaseHeldByTownship1() {
        number = file("villager1", "村口桥栏杆断了", "村口小桥的栏杆断了两节，孩子上学经过很危险。", "road");
        complete("grid1", "accept", Map.of("outcome", "accept", "urgency", "general"));
        complete("township1", "sign", Map.of("outcome", "sign"));
        ResponseEntity<JsonNode> claimed = post("township1", "/api/tasks/" + task("township1", "investigate") + "/claim", Map.of());
        assertThat(claimed.getStatusCode().value()).isEqualTo(200);
        resolveDue = jdbc.sql("select resolve_due from minqing.case_record where number = ?").param(number)
                .query(OffsetDateTime.class).single();
        township1Phone = jdbc.sql("select phone from minqing.app_user where username = 'township1'").query(String.class).optional()
                .orElse(null);
        jdbc.sql("update minqing.app_user set phone = ? where username = 'township1'").param(newPhone()).update();
        jdbc.sql("update minqing.case_record set resolve_due = now() - interval '2 days 3 hours' where number = ?")
                .param(number).update();
        return number;
    }

    @AfterEach
    void restore() {
        if (resolveDue != null) {
            jdbc.sql("update minqing.case_record set resolve_due = ? where number = ?").params(resolveDue, number).update();
            jdbc.sql("update minqing.app_user set phone = ? where username = 'township1'").param(township1Phone).update();
        }
    }

    @Test
    void theBoardShowsTheOverdueCaseWithItsHolderToThoseWhoMaySeeIt() {
        overdueCaseHeldByTownship1();
        String phone = jdbc.sql("select phone from minqing.app_user where username = 'township1'").query(String.class).single();

        for (String viewer : List.of("township1", "leader1", "admin")) {
            JsonNode row = rowOf(viewer);
            assertThat(row).as(viewer + " sees the case").isNotNull();
            assertThat(row.get("holder").asText()).isEqualTo("刘志强（石门镇）");
            assertThat(row.get("holderPhone").asText()).isEqualTo(phone);
            assertThat(row.get("holderKind").asText()).isEqualTo("person");
            assertThat(row.get("daysOverdue").asLong()).isEqualTo(2);
            assertThat(row.get("overdueInWords").asText()).isEqualTo("超期2天");
            assertThat(row.get("overdueKind").asText()).isEqualTo("resolve");
            assertThat(row.get("organisation").asText()).isEqualTo("石门镇人民政府");
            assertThat(row.get("stage").asText()).isEqualTo("investigate");
            assertThat(row.get("stageName").asText()).isEqualTo("调研");
            assertThat(row.get("village").asText()).isEqualTo("李家村");
            assertThat(row.get("township").asText()).isEqualTo("石门镇");
        }
        JsonNode board = get("leader1", "/api/overdue").getBody();
        assertThat(board.get("daysCounted").asText()).isEqualTo("calendar");
        assertThat(board.get("total").asInt()).isEqualTo(board.get("rows").size());
        assertThat(board.toString()).as("never the reporter").doesNotContain("李建国", "villager1");
        List<String> dues = board.get("rows").findValuesAsText("dueAt");
        assertThat(dues.stream().map(OffsetDateTime::parse).toList()).as("most overdue first").isSorted();

        assertThat(rowOf("staff-QS02")).as("another township").isNull();
        assertThat(rowOf("county1")).as("the water bureau: not its category, not handed to it").isNull();
        assertThat(get("villager1", "/api/overdue").getStatusCode().value()).isEqualTo(403);

        // other orders, and a bad one named
        assertThat(get("leader1", "/api/overdue?sort=organisation").getBody().get("rows").findValuesAsText("number")).contains(number);
        assertThat(get("leader1", "/api/overdue?sort=village&region=QS01").getBody().get("rows").findValuesAsText("number")).contains(number);
        assertThat(get("leader1", "/api/overdue?region=QS02").getBody().get("rows").findValuesAsText("number")).doesNotContain(number);
        ResponseEntity<JsonNode> bad = get("leader1", "/api/overdue?sort=oldest&from=2026-13-01");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("sort", "from");
        assertThat(get("township1", "/api/overdue?region=QS02").getStatusCode().value()).as("outside one's scope").isEqualTo(403);

        // back inside the deadline: off the board
        jdbc.sql("update minqing.case_record set resolve_due = now() + interval '5 hours' where number = ?").param(number).update();
        assertThat(rowOf("leader1")).isNull();
    }

    @Test
    void aLeaderSupervisesAnOverdueCase() {
        overdueCaseHeldByTownship1();
        int before = get("leader1", "/api/cases/" + number).getBody().at("/handling/supervisions").asInt();

        assertThat(post("township1", "/api/cases/" + number + "/supervise", Map.of("note", "请加快")).getStatusCode().value())
                .as("not a leader").isEqualTo(403);
        ResponseEntity<JsonNode> noNote = post("leader1", "/api/cases/" + number + "/supervise", Map.of("note", " "));
        assertThat(noNote.getStatusCode().value()).isEqualTo(400);
        assertThat(noNote.getBody().get("errors").findValuesAsText("field")).containsExactly("note");
        assertThat(post("leader1", "/api/cases/QS-19990101-0001/supervise", Map.of("note", "请加快")).getStatusCode().value())
                .isEqualTo(404);
        String qingxiLeader = registerVillager(LONG_PASSWORD, "QS02001");
        assertThat(as("admin").exchange("/api/admin/people/" + qingxiLeader, org.springframework.http.HttpMethod.PATCH,
                new org.springframework.http.HttpEntity<>(Map.of("roles", List.of("LEADER"), "organisationCode", "QS02-GOV")),
                JsonNode.class).getStatusCode().value()).isEqualTo(200);
        var asQingxiLeader = rest.withBasicAuth(qingxiLeader, LONG_PASSWORD);
        assertThat(asQingxiLeader.postForEntity("/api/cases/" + number + "/supervise", Map.of("note", "请加快"), JsonNode.class)
                .getStatusCode().value()).as("a leader of another township: outside their scope").isEqualTo(404);
        assertThat(asQingxiLeader.getForEntity("/api/overdue", JsonNode.class).getBody().get("rows").findValuesAsText("number"))
                .doesNotContain(number);

        ResponseEntity<JsonNode> done = post("leader1", "/api/cases/" + number + "/supervise",
                Map.of("note", "已超期两天，请三日内办结并回复"));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
        assertThat(done.getBody().get("supervisions").asInt()).isEqualTo(before + 1);
        assertThat(get("leader1", "/api/cases/" + number).getBody().at("/handling/supervisions").asInt()).isEqualTo(before + 1);
        assertThat(rowOf("leader1").get("supervisions").asInt()).isEqualTo(before + 1);
        JsonNode timeline = get("township1", "/api/cases/" + number + "/timeline").getBody();
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("supervised");
        assertThat(last.get("note").asText()).isEqualTo("已超期两天，请三日内办结并回复");
        assertThat(get("township1", "/api/notifications").getBody().toString()).as("the holder is told")
                .contains("督办：" + number);
    }

    private JsonNode rowOf(String viewer) {
        ResponseEntity<JsonNode> board = get(viewer, "/api/overdue");
        assertThat(board.getStatusCode().value()).as(viewer + ": " + board.getBody()).isEqualTo(200);
        for (JsonNode row : board.getBody().get("rows")) {
            if (row.get("number").asText().equals(number)) {
                return row;
            }
        }
        return null;
    }

    private void complete(String user, String stage, Map<String, Object> body) {
        ResponseEntity<JsonNode> done = post(user, "/api/tasks/" + task(user, stage) + "/complete", body);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
    }

    private String task(String user, String stage) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number + "&stage=" + stage).getBody();
        assertThat(tasks.size()).as(user + " has the " + stage + " task of " + number).isPositive();
        return tasks.get(0).get("id").asText();
    }
}
