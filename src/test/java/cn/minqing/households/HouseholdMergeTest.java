package cn.minqing.households;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Admins correct households and merge duplicates: the survivor takes the duplicate's visits and the cases found on
 * them, audited; a deactivated household leaves the visit reminders; bad edits name every field and store nothing;
 * a visit takes a voice note as cases do.
 */
class HouseholdMergeTest extends ApiTest {

    private static final String VILLAGE = "QS01004";
    private static final String GRID = "grid-QS01004";
    private static final String MEMBER = "dangyuan-QS01004-2";

    @Autowired
    JdbcClient jdbc;

    @Test
    void mergingMovesVisitsAndCasesToTheSurvivorAndDeactivatesTheDuplicate() {
        String run = "M" + System.nanoTime() % 1_000_000;
        importRows(run + "-A,QS01004,六组1号,孙德旺,独居老人,13700000001," + GRID + "," + MEMBER + "\n"
                + run + "-B,QS01004,六组1号（重复）,孙德旺,低保户,," + GRID + "," + MEMBER + "\n");
        long survivor = id(run + "-A");
        long duplicate = id(run + "-B");
        JsonNode visit = post(MEMBER, "/api/visits", Map.of("household", duplicate, "visitedAt", OffsetDateTime.now().toString(),
                "needs", List.of(Map.of("title", "取暖炉坏了", "description", "炉子漏气", "category", "housing")))).getBody();
        String number = visit.get("cases").get(0).asText();

        assertThat(merge("leader1", survivor, run + "-B").getStatusCode().value()).isEqualTo(403);
        assertThat(fields(merge("admin", survivor, run + "-A"))).containsExactly("duplicate");
        assertThat(fields(merge("admin", survivor, "NO-SUCH-HOUSEHOLD"))).containsExactly("duplicate");
        JsonNode merged = merge("admin", survivor, run + "-B").getBody();
        assertThat(merged.get("visitsMoved").asInt()).isEqualTo(1);
        assertThat(merged.get("casesMoved").asInt()).isEqualTo(1);
        assertThat(fields(merge("admin", survivor, run + "-B"))).containsExactly("duplicate"); // once only

        JsonNode page = get(MEMBER, "/api/households/" + survivor).getBody();
        assertThat(page.get("visits").findValuesAsText("id")).contains(visit.get("id").asText());
        assertThat(page.get("cases").findValuesAsText("number")).contains(number);
        assertThat(page.get("tags").toString()).contains("独居老人", "低保户");
        JsonNode gone = get("admin", "/api/households/" + duplicate).getBody();
        assertThat(gone.get("active").asBoolean()).isFalse();
        assertThat(gone.get("visits").size()).isZero();
        assertThat(get(MEMBER, "/api/households?mine=true").getBody().findValuesAsText("code")).doesNotContain(run + "-B");
        JsonNode audit = get("admin", "/api/admin/audit?action=household.merged&target=household:" + survivor).getBody();
        assertThat(audit.get("total").asLong()).isEqualTo(1);
    }

    /** docs/visits.md: {@code {duplicate}} is the household's code or its id, and an id is a JSON number. */
    @Test
    void theDuplicateIsNamedByItsIdAsAJsonNumber() {
        String run = "N" + System.nanoTime() % 1_000_000;
        importRows(run + "-A,QS01004,九组1号,郑大山,,," + GRID + ",\n" + run + "-B,QS01004,九组1号（重复）,郑大山,,," + GRID + ",\n");
        long survivor = id(run + "-A");
        long duplicate = id(run + "-B");
        ResponseEntity<JsonNode> merged = post("admin", "/api/admin/households/" + survivor + "/merge", Map.of("duplicate", duplicate));
        assertThat(merged.getStatusCode().value()).as(String.valueOf(merged.getBody())).isEqualTo(200);
        assertThat(merged.getBody().get("duplicate").asLong()).isEqualTo(duplicate);
        assertThat(fields(post("admin", "/api/admin/households/" + survivor + "/merge", Map.of("duplicate", true))))
                .containsExactly("duplicate");
    }

    @Test
    void aBadEditNamesEveryFieldAndStoresNothingAGoodOneChangesTheSchedule() {
        String run = "E" + System.nanoTime() % 1_000_000;
        importRows(run + ",QS01004,七组3号,周桂香,军属,," + GRID + ",\n");
        long id = id(run);
        Map<String, Object> bad = new HashMap<>();
        bad.put("villageCode", "QS99999");
        bad.put("address", "七组4号");
        bad.put("headName", "");
        bad.put("members", 120);
        bad.put("tags", List.of("独居老人", "富裕户"));
        bad.put("phone", "12345");
        bad.put("lat", 27.8);
        ResponseEntity<JsonNode> refused = put("admin", "/api/admin/households/" + id, bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("villageCode", "headName", "members", "tags[1]", "phone", "lon");
        assertThat(get("admin", "/api/households/" + id).getBody().get("address").asText()).isEqualTo("七组3号");

        Map<String, Object> good = Map.of("villageCode", VILLAGE, "address", "七组4号", "headName", "周桂香",
                "members", 2, "tags", List.of("独居老人", "military"), "phone", "13700000002");
        assertThat(put("leader1", "/api/admin/households/" + id, good).getStatusCode().value()).isEqualTo(403);
        JsonNode edited = put("admin", "/api/admin/households/" + id, good).getBody();
        assertThat(edited.get("address").asText()).isEqualTo("七组4号");
        assertThat(edited.get("visitIntervalDays").asInt()).isEqualTo(7);
        assertThat(edited.get("phone").asText()).isEqualTo("13700000002");
        assertThat(get("admin", "/api/admin/audit?action=household.edited&target=household:" + id).getBody()
                .get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aDeactivatedHouseholdLeavesTheVisitReminders() {
        String run = "D" + System.nanoTime() % 1_000_000;
        importRows(run + ",QS01004,八组1号,吴老汉,独居老人,," + GRID + "," + MEMBER + "\n");
        long id = id(run);
        jdbc.sql("update minqing.household set created_at = now() - interval '10 days' where id = ?").param(id).update();
        assertThat(get(MEMBER, "/api/visits/due").getBody().findValuesAsText("household")).contains(Long.toString(id));
        assertThat(put("admin", "/api/admin/households/" + id + "/active", Map.of("active", false)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get(MEMBER, "/api/visits/due").getBody().findValuesAsText("household")).doesNotContain(Long.toString(id));
        assertThat(post(MEMBER, "/api/visits", Map.of("household", id, "visitedAt", OffsetDateTime.now().toString()))
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aVisitTakesAVoiceNoteThatThoseWhoSeeTheHouseholdCanPlay() {
        long id = get(MEMBER, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        long visit = post(MEMBER, "/api/visits", Map.of("household", id, "visitedAt", OffsetDateTime.now().toString()))
                .getBody().get("id").asLong();
        byte[] amr = ("#!AMR\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        assertThat(postFile(GRID, "/api/visits/" + visit + "/attachments", "note.amr", amr).getStatusCode().value())
                .isEqualTo(403); // only the visitor adds to their visit
        ResponseEntity<JsonNode> added = postFile(MEMBER, "/api/visits/" + visit + "/attachments", "note.amr", amr);
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(added.getBody().get("kind").asText()).isEqualTo("audio");
        long attachment = added.getBody().get("id").asLong();
        assertThat(postFile(MEMBER, "/api/visits/" + visit + "/attachments", "note.amr", "not audio".getBytes())
                .getStatusCode().value()).isEqualTo(400);

        assertThat(as("leader1").getForEntity("/households/" + id, String.class).getBody())
                .contains("/visit-attachments/" + attachment, "语音");
        ResponseEntity<byte[]> played = as(GRID).getForEntity("/visit-attachments/" + attachment, byte[].class);
        assertThat(played.getStatusCode().value()).isEqualTo(200);
        assertThat(played.getHeaders().getContentType().toString()).isEqualTo("audio/amr");
        assertThat(as("grid-QS01002").getForEntity("/visit-attachments/" + attachment, byte[].class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void theAdminPageEditsAndNamesWhatIsWrong() {
        long id = get(MEMBER, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        JsonNode h = get("admin", "/api/households/" + id).getBody();
        assertThat(as("leader1").getForEntity("/admin/households/" + id, String.class).getStatusCode().value()).isEqualTo(403);
        WebSession web = webSession(newAddress());
        web.login("admin", PASSWORD);
        String form = web.get("/admin/households/" + id).body();
        assertThat(form).contains("id=\"household-form\"", h.get("address").asText(), "id=\"merge-household\"");
        web.submit("/admin/households/" + id, "/admin/households/" + id, Map.of("villageCode", VILLAGE,
                "address", h.get("address").asText(), "headName", h.get("headName").asText(), "members", "0", "phone", "abc"));
        assertThat(web.get("/admin/households/" + id).body()).contains("家庭人口应为1到99", "电话号码格式不对");
        assertThat(get("admin", "/api/households/" + id).getBody().get("members").asInt()).isEqualTo(h.get("members").asInt());
    }

    private void importRows(String rows) {
        String csv = "code,village_code,address,head_name,tags,phone,grid_member,party_member\n" + rows;
        JsonNode report = postFile("admin", "/api/admin/import/households", "h.csv", csv.getBytes(StandardCharsets.UTF_8)).getBody();
        assertThat(report.get("rejected").size()).as(report.toString()).isZero();
    }

    private long id(String code) {
        return get("admin", "/api/households?village=" + VILLAGE + "&inactive=true").getBody().findParents("code").stream()
                .filter(h -> h.get("code").asText().equals(code)).findFirst().orElseThrow().get("id").asLong();
    }

    private ResponseEntity<JsonNode> merge(String user, long survivor, String duplicate) {
        return post(user, "/api/admin/households/" + survivor + "/merge", Map.of("duplicate", duplicate));
    }

    private ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private static List<String> fields(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(400);
        return r.getBody().get("errors").findValuesAsText("field");
    }
}
