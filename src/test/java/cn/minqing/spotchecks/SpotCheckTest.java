package cn.minqing.spotchecks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.HandCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 抽查回访: the county centre draws a month's "satisfied" cases rated in the app — never an anonymous reporter's, never
 * one already rated on the phone — records what each villager says, and the month's figures follow; nobody else draws.
 */
class SpotCheckTest extends ApiTest {

    private static final String PREFIX = "SC-201807-";
    private static final String MONTH = "2018-07";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheCases() {
        jdbc.sql("delete from minqing.case_event where case_id in (select id from minqing.case_record where number like ?)")
                .param(PREFIX + "%").update();
        HandCases.delete(jdbc, PREFIX);
    }

    @Test
    void theCentreDrawsSatisfiedCasesAndRecordsWhatVillagersSay() {
        var july = HandCases.morningOf(2018, 7, 10);
        HandCases.insert(jdbc, List.of(
                solved(PREFIX + "1", july, "satisfied"), solved(PREFIX + "2", july, "basically"),
                solved(PREFIX + "3", july, "satisfied"), solved(PREFIX + "4", july, "satisfied"),
                solved(PREFIX + "5", july, "dissatisfied"), solved(PREFIX + "6", july.plusMonths(1), "satisfied")));
        jdbc.sql("update minqing.case_record set anonymous = true where number = ?").param(PREFIX + "3").update();
        jdbc.sql("update minqing.case_record set rated_by = 'phone' where number = ?").param(PREFIX + "4").update();

        for (String other : List.of("villager1", "grid1", "township1", "county1")) {
            assertThat(post(other, "/api/spot-checks", Map.of("month", MONTH, "size", 10)).getStatusCode().value())
                    .as(other).isEqualTo(403);
        }
        JsonNode refused = post("leader1", "/api/spot-checks", Map.of("month", "2018-13", "size", 0)).getBody();
        assertThat(refused.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("month", "size");

        JsonNode drawn = post("leader1", "/api/spot-checks", Map.of("month", MONTH, "size", 10)).getBody();
        assertThat(drawn.findValuesAsText("caseNumber")).containsExactlyInAnyOrder(PREFIX + "1", PREFIX + "2");
        assertThat(post("admin", "/api/spot-checks", Map.of("month", MONTH, "size", 10)).getBody().size())
                .as("each case once a month").isZero();

        long first = drawn.get(0).get("id").asLong();
        long second = drawn.get(1).get("id").asLong();
        assertThat(post("leader1", "/api/spot-checks/" + first, Map.of("result", "disputed")).getBody()
                .get("errors").findValuesAsText("field")).containsExactly("note");
        assertThat(post("township1", "/api/spot-checks/" + first, Map.of("result", "confirmed")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("leader1", "/api/spot-checks/" + first, Map.of("result", "confirmed")).getBody()
                .get("result").asText()).isEqualTo("confirmed");
        assertThat(post("leader1", "/api/spot-checks/" + first, Map.of("result", "disputed", "note", "又坏了"))
                .getStatusCode().value()).as("recorded once").isEqualTo(409);
        JsonNode disputed = post("leader1", "/api/spot-checks/" + second, Map.of("result", "disputed", "note", "路灯又不亮了")).getBody();
        assertThat(disputed.get("checkedBy").asText()).isEqualTo("leader1");
        assertThat(get("admin", "/api/cases/" + disputed.get("caseNumber").asText() + "/timeline").getBody()
                .findValuesAsText("note")).anyMatch(n -> n.contains("抽查回访：群众表示问题没有解决。路灯又不亮了"));

        JsonNode month = get("leader1", "/api/spot-checks?month=" + MONTH).getBody();
        assertThat(month.get("drawn").asInt()).isEqualTo(2);
        assertThat(month.get("checked").asInt()).isEqualTo(2);
        assertThat(month.get("confirmed").asInt()).isEqualTo(1);
        assertThat(month.get("confirmationRate").asDouble()).isEqualTo(0.5);
        assertThat(get("grid1", "/api/spot-checks?month=" + MONTH).getStatusCode().value()).isEqualTo(403);
        assertThat(get("leader1", "/api/spot-checks?month=july").getStatusCode().value()).isEqualTo(400);
        assertThat(post("leader1", "/api/spot-checks/999999999", Map.of("result", "confirmed")).getStatusCode().value())
                .isEqualTo(404);
    }

    private static HandCases.Case solved(String number, java.time.OffsetDateTime created, String rating) {
        return new HandCases.Case(number, "QS01001", "road", "solved", created, 24, 2, 240, 48, rating, 0, 0, 0, 0, null);
    }
}
