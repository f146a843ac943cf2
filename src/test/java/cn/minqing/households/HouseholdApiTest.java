package cn.minqing.households;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Household files (户档案): import with refused rows, scope per role (404 outside it), assignment, audit. */
class HouseholdApiTest extends ApiTest {

    private static final String MEMBER_1 = "dangyuan-QS01001-1";
    private static final String MEMBER_2 = "dangyuan-QS01001-2";

    @Test
    void importTakesGoodRowsAndReportsEveryRefusedOne() {
        String run = Long.toString(System.nanoTime() % 1_000_000);
        String csv = """
                code,village_code,grid_code,address,head_name,head_account,members,tags,phone,lat,lon,grid_member,party_member
                T%1$s-1,QS01002,,李家村三组5号,周福生,,3,独居老人、低保户,13912345678,27.81,113.12,grid-QS01002,dangyuan-QS01002-1
                T%1$s-2,QS01002,,李家村三组6号,吴翠兰,,2,dibao,,,,grid-QS01002,
                T%1$s-3,QS99009,,无此村,钱某,,1,,,,,grid-QS01002,
                T%1$s-4,QS01002,,李家村三组7号,孙某,,1,富裕户,,,,grid-QS01002,
                T%1$s-1,QS01002,,重复的户,郑某,,1,,,,,grid-QS01002,
                T%1$s-6,QS01002,,李家村三组9号,冯某,,1,,,,,grid-QS01002,villager1
                T%1$s-7,QS01002,,李家村三组10号,,,1,,,,,grid-QS01002,
                """.formatted(run);
        JsonNode report = postFile("admin", "/api/admin/import/households", "households.csv",
                csv.getBytes(StandardCharsets.UTF_8)).getBody();
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").findValuesAsText("line")).containsExactly("4", "5", "6", "7", "8");
        assertThat(report.get("rejected").get(0).get("reason").asText()).contains("QS99009");
        assertThat(report.get("rejected").get(1).get("reason").asText()).contains("富裕户");

        JsonNode mine = get("dangyuan-QS01002-1", "/api/households?mine=true").getBody();
        JsonNode imported = find(mine, "T" + run + "-1");
        assertThat(imported.get("tags").toString()).contains("独居老人", "低保户");
        assertThat(imported.get("visitIntervalDays").asInt()).isEqualTo(7);
        assertThat(imported.get("phone").asText()).isEqualTo("13912345678");
        assertThat(postFile("leader1", "/api/admin/import/households", "h.csv", "code\n".getBytes()).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void partyMemberSeesOnlyTheirOwnHouseholdsAndGets404OnOthers() {
        JsonNode ofMember1 = get(MEMBER_1, "/api/households").getBody();
        assertThat(ofMember1.size()).isPositive();
        assertThat(ofMember1.findValuesAsText("partyMember")).containsOnly(MEMBER_1);
        long ofMember2 = get(MEMBER_2, "/api/households?mine=true").getBody().get(0).get("id").asLong();

        assertThat(get(MEMBER_1, "/api/households/" + ofMember2).getStatusCode().value()).isEqualTo(404);
        assertThat(get(MEMBER_2, "/api/households/" + ofMember2).getStatusCode().value()).isEqualTo(200);
        assertThat(get("villager1", "/api/households/" + ofMember2).getStatusCode().value()).isEqualTo(404);
        assertThat(get("villager1", "/api/households").getStatusCode().value()).isEqualTo(403);
        assertThat(get("staff-QS02", "/api/households/" + ofMember2).getStatusCode().value()).isEqualTo(404);
        assertThat(get("grid-QS01002", "/api/households/" + ofMember2).getStatusCode().value()).isEqualTo(404);
        // the village's grid member, its township and the county leader see it; the phone only those who serve it
        JsonNode byGrid = get("grid1", "/api/households/" + ofMember2).getBody();
        assertThat(byGrid.get("phone")).isNotNull();
        JsonNode byLeader = get("leader1", "/api/households/" + ofMember2).getBody();
        assertThat(byLeader.get("phone")).isNull();
        assertThat(byLeader.get("headName").asText()).isNotBlank();
        assertThat(get("township1", "/api/households?village=QS01001").getBody().size()).isGreaterThanOrEqualTo(8);
        assertThat(get("grid1", "/api/households?tag=独居老人").getBody().findValuesAsText("tags").size()).isPositive();
    }

    @Test
    void everyReadOfAHouseholdPageIsAudited() {
        long id = get(MEMBER_1, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        get("leader1", "/api/households/" + id);
        JsonNode audit = get("admin", "/api/admin/audit?action=household.read&actor=leader1&target=household:" + id).getBody();
        assertThat(audit.get("total").asLong()).isPositive();
    }

    @Test
    void assignmentMovesAHouseholdToAnotherPartyMemberAndNamesBadFields() {
        JsonNode household = get(MEMBER_2, "/api/households?mine=true").getBody().get(0);
        long id = household.get("id").asLong();
        ResponseEntity<JsonNode> bad = put("grid1", "/api/households/" + id + "/assignment",
                Map.of("gridMember", "nobody-here", "partyMember", "villager1"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("gridMember", "partyMember");
        assertThat(bad.getBody().get("detail").asText()).contains("网格员", "联户党员");
        assertThat(put(MEMBER_2, "/api/households/" + id + "/assignment",
                Map.of("gridMember", "grid1", "partyMember", MEMBER_1)).getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> moved = put("grid1", "/api/households/" + id + "/assignment",
                Map.of("gridMember", "grid1", "partyMember", MEMBER_1));
        assertThat(moved.getStatusCode().value()).isEqualTo(200);
        assertThat(get(MEMBER_1, "/api/households/" + id).getStatusCode().value()).isEqualTo(200);
        assertThat(get(MEMBER_2, "/api/households/" + id).getStatusCode().value()).isEqualTo(404);
        put("grid1", "/api/households/" + id + "/assignment", Map.of("gridMember", "grid1", "partyMember", MEMBER_2));
    }

    @Test
    void handOverMovesEveryHouseholdAndDeactivatedOnesLeaveTheList() {
        String from = "dangyuan-QS01003-1";
        String to = "dangyuan-QS01003-2";
        int before = get(to, "/api/households?mine=true").getBody().size();
        JsonNode moved = post("admin", "/api/admin/households/reassignment", Map.of("leaving", from, "successor", to)).getBody();
        assertThat(moved.get("moved").asInt()).isPositive();
        assertThat(get(from, "/api/households?mine=true").getBody().size()).isZero();
        JsonNode after = get(to, "/api/households?mine=true").getBody();
        assertThat(after.size()).isEqualTo(before + moved.get("moved").asInt());
        ResponseEntity<JsonNode> wrongRole = post("admin", "/api/admin/households/reassignment",
                Map.of("leaving", to, "successor", "grid-QS01003"));
        assertThat(wrongRole.getBody().get("errors").findValuesAsText("field")).containsExactly("successor");

        long id = after.get(0).get("id").asLong();
        assertThat(put("admin", "/api/admin/households/" + id + "/active", Map.of("active", false)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get(to, "/api/households?mine=true").getBody().findValuesAsText("id")).doesNotContain(String.valueOf(id));
        assertThat(get(to, "/api/households?mine=true&inactive=true").getBody().findValuesAsText("id")).contains(String.valueOf(id));
    }

    private ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode h : list) {
            if (h.get("code").asText().equals(code)) {
                return h;
            }
        }
        throw new AssertionError("no household " + code + " in " + list);
    }
}
