package cn.minqing.households;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The cadres' household pages (户档案): the list and one household with its visits and cases, for every role —
 * the phone only for those who serve it, the visit form for visitors, 404 outside one's scope, every read audited.
 */
class HouseholdPagesTest extends ApiTest {

    private static final String VILLAGE = "QS01006";
    private static final String MEMBER_1 = "dangyuan-QS01006-1";
    private static final String MEMBER_2 = "dangyuan-QS01006-2";
    private static final String GRID = "grid-QS01006";

    @Test
    void eachRoleSeesTheHouseholdPageAsItsScopeAllows() {
        JsonNode own = get(MEMBER_1, "/api/households?mine=true").getBody().get(0);
        long id = own.get("id").asLong();
        String phone = own.get("phone").asText();
        String title = "灶台漏烟" + System.nanoTime() % 100_000;
        ResponseEntity<JsonNode> visit = post(MEMBER_1, "/api/visits", Map.of("household", id,
                "visitedAt", OffsetDateTime.now().toString(), "met", "户主本人", "notes", "屋里烟大",
                "needs", List.of(Map.of("title", title, "description", "灶台砌得不好，屋里都是烟", "category", "housing"))));
        assertThat(visit.getStatusCode().value()).isEqualTo(201);
        String number = visit.getBody().get("cases").get(0).asText();

        // the party member who serves it: phone, visits, the case (as text), the visit form
        String byMember = page(MEMBER_1, id);
        assertThat(byMember).contains(own.get("headName").asText(), phone, "屋里烟大", title, number, "id=\"start-visit\"",
                "/visits/new?household=" + id).doesNotContain("/workbench/cases/" + number, "id=\"edit-household\"");
        // the village's grid member serves it too; the township's cadre and the leader see it without the phone
        assertThat(page(GRID, id)).contains(phone, "/workbench/cases/" + number, "id=\"start-visit\"");
        assertThat(page("township1", id)).contains(title, "id=\"start-visit\"").doesNotContain(phone);
        String byLeader = page("leader1", id);
        assertThat(byLeader).contains(title, "/workbench/cases/" + number).doesNotContain(phone, "id=\"start-visit\"");
        assertThat(page("admin", id)).contains(phone, "id=\"edit-household\"");
        // outside their scope the household does not exist
        for (String outsider : List.of(MEMBER_2, "grid-QS01002", "county1", "staff-QS02", "villager1")) {
            assertThat(as(outsider).getForEntity("/households/" + id, String.class).getStatusCode().value())
                    .as(outsider).isEqualTo(404);
        }
        // every read of the page by a cadre or leader is audited
        JsonNode audit = get("admin", "/api/admin/audit?action=household.read&actor=leader1&target=household:" + id).getBody();
        assertThat(audit.get("total").asLong()).isPositive();
    }

    @Test
    void theListFiltersByVillageTagAndMineWithinScope() {
        String mine = list(MEMBER_1, "/households");
        long own = get(MEMBER_1, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        long other = get(MEMBER_2, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        assertThat(mine).contains("/households/" + own).doesNotContain("/households/" + other + "\"");

        String township = list("township1", "/households?village=" + VILLAGE);
        assertThat(township).contains("/households/" + own + "\"", "/households/" + other + "\"");
        // H1 lives alone (独居老人); the second party member's first household (H5) does not
        assertThat(list("township1", "/households?village=" + VILLAGE + "&tag=alone-elderly"))
                .contains("/households/" + own + "\"").doesNotContain("/households/" + other + "\"");
        assertThat(list(GRID, "/households?mine=true")).contains("/households/" + own, "/households/" + other);
        assertThat(list("leader1", "/households?village=" + VILLAGE)).contains("/households/" + own);
        assertThat(as("villager1").getForEntity("/households", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(list("county1", "/households")).doesNotContain("/households/" + own);
        assertThat(as("township1").getForEntity("/households?tag=富裕户", String.class).getStatusCode().value()).isEqualTo(400);
    }

    private String page(String user, long id) {
        ResponseEntity<String> r = as(user).getForEntity("/households/" + id, String.class);
        assertThat(r.getStatusCode().value()).as(user).isEqualTo(200);
        return r.getBody();
    }

    private String list(String user, String path) {
        ResponseEntity<String> r = as(user).getForEntity(path, String.class);
        assertThat(r.getStatusCode().value()).as(user + " " + path).isEqualTo(200);
        return r.getBody();
    }
}
