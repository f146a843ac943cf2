package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every role against every case endpoint, for a case inside and outside their village, region and
 * responsibility: nothing leaks, including through search and attachments. A road case and a water
 * case of 李家村 (石门镇), filed by villager1.
 */
class AuthorizationMatrixTest extends ApiTest {

    /** Who may see a road case of 李家村: its reporter, the village, the township, county leaders, admin. */
    static final Map<String, Boolean> SEES_ROAD_CASE = new LinkedHashMap<>();
    static {
        SEES_ROAD_CASE.put("villager1", true);
        SEES_ROAD_CASE.put("villager2", false);
        SEES_ROAD_CASE.put("grid1", true);
        SEES_ROAD_CASE.put("grid-QS01002", false);
        SEES_ROAD_CASE.put("township1", true);
        SEES_ROAD_CASE.put("staff-QS02", false);
        SEES_ROAD_CASE.put("county1", false); // the water bureau: not its responsibility
        SEES_ROAD_CASE.put("staff-QS-TRANSPORT", true);
        SEES_ROAD_CASE.put("leader1", true);
        SEES_ROAD_CASE.put("admin", true);
    }

    String road;
    String water;
    long photo;

    @BeforeEach
    void fileCases() {
        road = file("villager1", "矩阵测试村道", "矩阵测试：村道塌了一段", "road");
        water = file("villager1", "矩阵测试吃水", "矩阵测试：水管破了", "water");
        photo = upload(road).get("id").asLong();
        await(Duration.ofSeconds(5), "admin", "/api/search?q=矩阵测试&size=100",
                r -> r.get("hits").findValuesAsText("number").containsAll(List.of(road, water)));
    }

    @Test
    void everyRoleSeesExactlyTheCasesItMay() {
        List<String> leaks = new ArrayList<>();
        SEES_ROAD_CASE.forEach((user, sees) -> {
            int expected = sees ? 200 : 404;
            check(leaks, user, "GET case", status(user, HttpMethod.GET, "/api/cases/" + road), expected);
            check(leaks, user, "GET timeline", status(user, HttpMethod.GET, "/api/cases/" + road + "/timeline"), expected);
            check(leaks, user, "GET attachments", status(user, HttpMethod.GET, "/api/cases/" + road + "/attachments"), expected);
            check(leaks, user, "GET photo", status(user, HttpMethod.GET, "/api/attachments/" + photo), expected);
            check(leaks, user, "POST note", status(user, HttpMethod.POST, "/api/cases/" + road + "/notes"), sees ? 201 : 404);
            boolean found = get(user, "/api/search?q=矩阵测试&size=100").getBody().get("hits")
                    .findValuesAsText("number").contains(road);
            if (found != sees) {
                leaks.add(user + " search finds road case: " + found);
            }
        });
        assertThat(leaks).isEmpty();
    }

    /** 户档案 of 李家村 served by its second party member: the village, its township, county leaders, admin. */
    @Test
    void everyRoleSeesExactlyTheHouseholdsItMay() {
        long household = get("dangyuan-QS01001-2", "/api/households?mine=true").getBody().get(0).get("id").asLong();
        Map<String, Boolean> sees = new LinkedHashMap<>(SEES_ROAD_CASE);
        sees.put("villager1", false); // villagers never see household files
        sees.put("county1", false);
        sees.put("staff-QS-TRANSPORT", false); // bureaus see only households assigned to them
        sees.put("dangyuan-QS01001-1", false); // another party member's household
        sees.put("dangyuan-QS01001-2", true);
        List<String> leaks = new ArrayList<>();
        sees.forEach((user, may) -> {
            check(leaks, user, "GET household", status(user, HttpMethod.GET, "/api/households/" + household), may ? 200 : 404);
            int listed = get(user, "/api/households?village=QS01001").getStatusCode().value() == 200
                    ? get(user, "/api/households?village=QS01001").getBody().findValuesAsText("id").stream()
                    .filter(id -> id.equals(String.valueOf(household))).toList().size() : 0;
            check(leaks, user, "household listed", listed, may ? 1 : 0);
        });
        assertThat(leaks).isEmpty();
    }

    @Test
    void aCountyBureauSeesItsOwnCategories() {
        assertThat(status("county1", HttpMethod.GET, "/api/cases/" + water)).isEqualTo(200);
        assertThat(status("staff-QS-TRANSPORT", HttpMethod.GET, "/api/cases/" + water)).isEqualTo(404);
        assertThat(get("county1", "/api/search?q=矩阵测试&size=100").getBody().get("hits").findValuesAsText("number"))
                .contains(water).doesNotContain(road);
    }

    @Test
    void onlyTheVillagesCadresMayWorkItsIntakeReview() {
        String task = get("grid1", "/api/tasks?caseNumber=" + road).getBody().get(0).get("id").asText();
        for (String user : SEES_ROAD_CASE.keySet()) {
            if (user.equals("grid1") || user.equals("admin")) {
                continue;
            }
            assertThat(status(user, HttpMethod.POST, "/api/tasks/" + task + "/claim")).as(user).isEqualTo(404);
            assertThat(get(user, "/api/tasks?caseNumber=" + road).getBody().size()).as(user).isZero();
        }
    }

    @Test
    void adminOnlyDoorsAndAnonymousCalls() {
        for (String user : SEES_ROAD_CASE.keySet()) {
            int expected = user.equals("admin") ? 200 : 403;
            assertThat(status(user, HttpMethod.GET, "/engine-rest/engine")).as(user).isEqualTo(expected);
            assertThat(status(user, HttpMethod.GET, "/api/me")).as(user).isEqualTo(200);
        }
        // the admin's rebuild is IndexRebuildTest's; everyone else is refused
        List<String> others = SEES_ROAD_CASE.keySet().stream().filter(u -> !u.equals("admin")).toList();
        assertThat(others).isNotEmpty();
        for (String user : others) {
            assertThat(status(user, HttpMethod.POST, "/api/admin/search/rebuild")).as(user).isEqualTo(403);
            // the admin screens' API (AdminApiTest tries every method of each)
            for (String path : List.of("/api/admin/people?q=李", "/api/admin/categories", "/api/admin/synonym-groups",
                    "/api/admin/audit", "/api/admin/regions/QS01/impact", "/api/admin/organisations/QS-WATER/impact",
                    "/api/admin/categories/water/impact")) {
                assertThat(status(user, HttpMethod.GET, path)).as(user + " " + path).isEqualTo(403);
            }
            for (String path : List.of("/api/admin/people/villager2/password-reset", "/api/admin/people/villager2/unlock",
                    "/api/admin/synonym-groups", "/api/admin/categories/water/active", "/api/admin/import/households",
                    "/api/admin/households/reassignment")) {
                assertThat(status(user, HttpMethod.POST, path)).as(user + " " + path).isEqualTo(403);
            }
        }
        for (String path : List.of("/api/cases/" + road, "/api/search?q=x", "/api/tasks", "/api/me",
                "/api/notifications", "/api/attachments/" + photo, "/api/plans", "/api/plans/branches", "/engine-rest/engine",
                "/api/households", "/api/households/1", "/api/visits/1", "/api/visits/due", "/api/visit-attachments/1")) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
        }
    }

    private static void check(List<String> leaks, String user, String what, int actual, int expected) {
        if (actual != expected) {
            leaks.add(user + " " + what + ": " + actual + " (expected " + expected + ")");
        }
    }

    private int status(String user, HttpMethod method, String path) {
        TestRestTemplate client = as(user);
        HttpEntity<?> body = method == HttpMethod.POST ? new HttpEntity<>(Map.of("note", "矩阵测试备注")) : null;
        return client.exchange(path, method, body, String.class).getStatusCode().value();
    }

    private JsonNode upload(String number) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(TestMedia.PNG) {
            @Override
            public String getFilename() {
                return "road.png";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("villager1").exchange("/api/cases/" + number + "/attachments", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class).getBody();
    }
}
