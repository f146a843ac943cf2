package cn.minqing.visits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** 民情走访: a visit's needs become cases through the normal filing path, linked back, audited, all or nothing. */
class VisitApiTest extends ApiTest {

    private static final String MEMBER = "dangyuan-QS01001-1";

    @Test
    void oneVisitWithTwoNeedsMakesTwoLinkedAuditedCases() {
        JsonNode household = headedBy("villager1");
        long id = household.get("id").asLong();
        Map<String, Object> visit = visit(id, List.of(
                need("自来水管冻裂，家里断水三天", "水管在屋后，冬天冻裂了，老人挑水困难", "water", false, false),
                need("低保金这个月没有到账", "想问低保金为什么没到账", "subsidy", true, false),
                need("电视机不会调台", "当场帮忙调好了", null, false, true)));
        ResponseEntity<JsonNode> recorded = post(MEMBER, "/api/visits", visit);
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
        long visitId = recorded.getBody().get("id").asLong();
        List<String> numbers = List.of(recorded.getBody().get("cases").get(0).asText(), recorded.getBody().get("cases").get(1).asText());

        JsonNode water = get("grid1", "/api/cases/" + numbers.get(0)).getBody();
        assertThat(water.get("channel").asText()).isEqualTo("visit");
        assertThat(water.get("visit").asLong()).isEqualTo(visitId);
        assertThat(water.get("reporter").asText()).isEqualTo("villager1");
        assertThat(water.get("address").asText()).isEqualTo(household.get("address").asText());
        // the anonymous need: its reporter hidden, and no link to the visit, which would name the household
        JsonNode subsidy = get("grid1", "/api/cases/" + numbers.get(1)).getBody();
        assertThat(subsidy.get("channel").asText()).isEqualTo("visit");
        assertThat(subsidy.get("reporter").asText()).isEqualTo("匿名群众");
        assertThat(subsidy.get("visit")).isNull();
        assertThat(subsidy.path("address").isNull() || subsidy.path("address").isMissingNode()).isTrue();
        assertThat(get("admin", "/api/cases/" + numbers.get(1)).getBody().get("visit").asLong()).isEqualTo(visitId);
        // the head of household follows the case they did not file themselves
        assertThat(get("villager1", "/api/cases/" + numbers.get(0)).getBody().get("visit").asLong()).isEqualTo(visitId);

        for (String number : numbers) {
            JsonNode audit = get("admin", "/api/admin/audit?action=visit.need-filed&target=" + number).getBody();
            assertThat(audit.get("entries").get(0).get("detail").asText()).isEqualTo("visit:" + visitId);
            assertThat(get("admin", "/api/admin/audit?action=case.filed-on-behalf&target=" + number).getBody()
                    .get("total").asLong()).isEqualTo(1);
        }

        JsonNode page = get("grid1", "/api/households/" + id).getBody();
        JsonNode shown = page.get("visits").get(0);
        assertThat(shown.get("id").asLong()).isEqualTo(visitId);
        assertThat(shown.get("needs")).hasSize(3);
        assertThat(shown.get("needs").get(1).get("title")).isNull();
        assertThat(shown.get("needs").get(2).get("solvedOnSpot").asBoolean()).isTrue();
        assertThat(page.get("cases").findValuesAsText("number")).contains(numbers.get(0)).doesNotContain(numbers.get(1));
        assertThat(page.get("lastVisitAt").isNull()).isFalse();
        assertThat(page.get("visitOverdue").asBoolean()).isFalse();
        assertThat(get(MEMBER, "/api/visits/" + visitId).getBody().get("needs").get(0).get("caseNumber").asText())
                .isEqualTo(numbers.get(0));
        assertThat(get("dangyuan-QS01001-2", "/api/visits/" + visitId).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badVisitNamesEveryFieldInChineseAndStoresNothing() {
        long id = headedBy("cunmin-QS01001-2").get("id").asLong();
        int visitsBefore = get(MEMBER, "/api/households/" + id).getBody().get("visits").size();
        int casesBefore = get(MEMBER, "/api/households/" + id).getBody().get("cases").size();
        Map<String, Object> visit = visit(id, List.of(
                need("路灯坏了", "村口路灯不亮", "road", false, false),
                need("", "没有标题", "no-such-category", false, false)));
        visit.remove("visitedAt");
        visit.put("lat", 27.8);
        visit.remove("lon");
        ResponseEntity<JsonNode> refused = post(MEMBER, "/api/visits", visit);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("visitedAt", "lon", "needs[1].title", "needs[1].category");
        assertThat(refused.getBody().get("detail").asText()).contains("走访时间", "第2条诉求的标题");
        JsonNode after = get(MEMBER, "/api/households/" + id).getBody();
        assertThat(after.get("visits").size()).isEqualTo(visitsBefore);
        assertThat(after.get("cases").size()).isEqualTo(casesBefore);

        long notMine = get("dangyuan-QS01001-2", "/api/households?mine=true").getBody().get(0).get("id").asLong();
        ResponseEntity<JsonNode> other = post(MEMBER, "/api/visits", visit(notMine, List.of()));
        assertThat(other.getBody().get("errors").findValuesAsText("field")).containsExactly("household");
        assertThat(post("villager1", "/api/visits", visit(id, List.of())).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aVisitTakesAPhotoWithoutItsHiddenLocation() {
        long id = headedBy("cunmin-QS01001-3").get("id").asLong();
        ResponseEntity<JsonNode> recorded = post(MEMBER, "/api/visits", visit(id, List.of()));
        assertThat(recorded.getBody().get("cases")).isEmpty();
        long visitId = recorded.getBody().get("id").asLong();
        ResponseEntity<JsonNode> photo = postFile(MEMBER, "/api/visits/" + visitId + "/attachments", "门口.png", TestMedia.PNG);
        assertThat(photo.getStatusCode().value()).as(String.valueOf(photo.getBody())).isEqualTo(201);
        assertThat(photo.getBody().get("kind").asText()).isEqualTo("photo");
        long attachment = photo.getBody().get("id").asLong();
        assertThat(as("grid1").getForEntity("/api/visit-attachments/" + attachment, byte[].class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(as("dangyuan-QS01001-2").getForEntity("/api/visit-attachments/" + attachment, byte[].class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postFile("grid1", "/api/visits/" + visitId + "/attachments", "x.png", TestMedia.PNG)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(postFile(MEMBER, "/api/visits/" + visitId + "/attachments", "x.txt", "not a photo".getBytes())
                .getStatusCode().value()).isEqualTo(400);
    }

    private JsonNode headedBy(String head) {
        for (JsonNode h : get(MEMBER, "/api/households?mine=true").getBody()) {
            if (h.get("code").asText().equals("QS01001-H" + switch (head) {
                case "villager1" -> 1;
                case "cunmin-QS01001-2" -> 2;
                default -> 3;
            })) {
                return h;
            }
        }
        throw new AssertionError("no household headed by " + head);
    }

    private static Map<String, Object> visit(long household, List<Map<String, Object>> needs) {
        Map<String, Object> visit = new HashMap<>();
        visit.put("household", household);
        visit.put("visitedAt", OffsetDateTime.now().minusHours(1).toString());
        visit.put("met", "户主本人");
        visit.put("notes", "身体还好，屋后水管冻裂");
        visit.put("needs", needs);
        return visit;
    }

    private static Map<String, Object> need(String title, String description, String category, boolean anonymous,
                                            boolean solvedOnSpot) {
        Map<String, Object> need = new HashMap<>();
        need.put("title", title);
        need.put("description", description);
        need.put("category", category);
        need.put("anonymous", anonymous);
        need.put("solvedOnSpot", solvedOnSpot);
        return need;
    }
}
