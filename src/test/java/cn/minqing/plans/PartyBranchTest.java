package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * 党支部 (issue 15): the demo's branch per village with its secretary and party members; scope per role; the admins'
 * import naming every refused row; a plan owned by a branch, a milestone assigned to a party member, counted in the
 * branch's figures.
 */
class PartyBranchTest extends ApiTest {

    private static final String BRANCH = "QS01001-PB"; // 李家村党支部

    @Test
    void everyDemoVillageHasABranchWithItsSecretaryAndMembers() {
        JsonNode all = get("admin", "/api/party-branches").getBody();
        JsonNode lijia = branch(all, BRANCH);
        assertThat(lijia.get("name").asText()).isEqualTo("李家村党支部");
        assertThat(lijia.get("regionCode").asText()).isEqualTo("QS01001");
        assertThat(lijia.get("secretary").asText()).isEqualTo("dangyuan-QS01001-1");
        assertThat(texts(lijia.get("members"))).contains("dangyuan-QS01001-1", "dangyuan-QS01001-2");
        assertThat(codes(all)).contains("QS02001-PB");
    }

    @Test
    void nobodySeesABranchOutsideTheirRegion() {
        assertThat(codes(get("leader1", "/api/party-branches").getBody())).contains(BRANCH, "QS02001-PB");
        List<String> township = codes(get("township1", "/api/party-branches").getBody());
        assertThat(township).contains(BRANCH).allMatch(c -> c.startsWith("QS01"));
        assertThat(codes(get("grid1", "/api/party-branches").getBody())).containsExactly(BRANCH);
        JsonNode villager = get("villager1", "/api/party-branches").getBody();
        assertThat(codes(villager)).containsExactly(BRANCH);
        assertThat(texts(branch(villager, BRANCH).get("members"))).as("no user names to villagers").isEmpty();
        assertThat(branch(villager, BRANCH).path("secretary").isTextual()).as("no secretary's user name").isFalse();
        assertThat(codes(get("villager2", "/api/party-branches").getBody())).doesNotContain(BRANCH);
        assertThat(codes(get("dangyuan-QS01001-2", "/api/party-branches").getBody())).containsExactly(BRANCH);
        assertThat(codes(get("township1", "/api/plans/branches").getBody())).contains(BRANCH).allMatch(c -> c.startsWith("QS01"));
        assertThat(codes(get("villager2", "/api/plans/branches").getBody())).doesNotContain(BRANCH);
    }

    @Test
    void theImportSavesGoodRowsAndNamesEveryRefusedOne() {
        String csv = """
                code,name,region_code,secretary,members
                QS01002-PB2,石门村第二党支部,QS01002,dangyuan-QS01002-2,dangyuan-QS01002-2
                bad code,坏编码,QS01002,,
                QS01002-PB3,没有的村,QS99999,,
                QS01002-PB4,书记不是党员,QS01002,villager1,
                QS01002-PB5,成员不是党员,QS01002,,dangyuan-QS01002-1;grid1
                QS01-GOV,占用乡政府编码,QS01,,
                """;
        assertThat(postFile("leader1", "/api/admin/import/party-branches", "branches.csv",
                csv.getBytes(StandardCharsets.UTF_8)).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> r = postFile("admin", "/api/admin/import/party-branches", "branches.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        assertThat(r.getBody().get("imported").asInt()).isEqualTo(1);
        assertThat(r.getBody().get("rejected")).hasSize(5);
        assertThat(r.getBody().get("rejected").findValuesAsText("line")).containsExactly("3", "4", "5", "6", "7");
        JsonNode imported = branch(get("admin", "/api/party-branches").getBody(), "QS01002-PB2");
        assertThat(imported.get("secretary").asText()).isEqualTo("dangyuan-QS01002-2");
        assertThat(texts(imported.get("members"))).containsExactly("dangyuan-QS01002-2");
        assertThat(codes(get("admin", "/api/party-branches").getBody())).doesNotContain("QS01002-PB4", "QS01002-PB5");
    }

    @Test
    void aBranchOwnsAPlanAndItsMembersMilestonesCountInItsFigures() {
        JsonNode before = branch(get("leader1", "/api/plans/branches").getBody(), BRANCH);
        Map<String, Object> body = plan(BRANCH);
        ResponseEntity<JsonNode> r = post("leader1", "/api/plans", body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        assertThat(r.getBody().get("ownerBranch").asText()).isEqualTo(BRANCH);
        assertThat(r.getBody().get("ownerBranchName").asText()).isEqualTo("李家村党支部");
        JsonNode after = branch(get("leader1", "/api/plans/branches").getBody(), BRANCH);
        assertThat(after.get("plansOwned").asLong()).isEqualTo(before.get("plansOwned").asLong() + 1);
        assertThat(after.get("milestones").asLong()).isEqualTo(before.get("milestones").asLong() + 1);
        assertThat(after.get("members").asLong()).isGreaterThanOrEqualTo(2);

        ResponseEntity<JsonNode> outside = post("leader1", "/api/plans", plan("QS02001-PB"));
        assertThat(outside.getStatusCode().value()).isEqualTo(400);
        assertThat(outside.getBody().toString()).contains("ownerBranch");
        ResponseEntity<JsonNode> unknown = post("leader1", "/api/plans", plan("NO-SUCH-PB"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().toString()).contains("ownerBranch");
    }

    private static Map<String, Object> plan(String branch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "李家村党员包片修路");
        body.put("problem", "村道坑洼");
        body.put("region", "QS01001");
        body.put("categories", List.of("road"));
        body.put("leadOrganisation", "QS01-GOV");
        body.put("indicator", "resolutionRate");
        body.put("target", 0.9);
        body.put("targetDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60).toString());
        body.put("milestones", List.of(Map.of("title", "党员分片摸排", "due", 5, "assignee", "dangyuan-QS01001-2")));
        body.put("ownerBranch", branch);
        return body;
    }

    private static JsonNode branch(JsonNode list, String code) {
        for (JsonNode b : list) {
            if (b.get("code").asText().equals(code)) {
                return b;
            }
        }
        throw new AssertionError("no branch " + code + " in " + list);
    }

    private static List<String> codes(JsonNode list) {
        return list.findValuesAsText("code");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
