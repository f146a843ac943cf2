package cn.minqing.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admins' API behind the admin screens: each endpoint is refused to leaders, township staff and villagers,
 * names every wrong field (in Chinese) on bad input, does what it says and writes the audit log.
 */
class AdminApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAdminsMayUseTheAdminEndpoints() {
        List<Object[]> endpoints = List.of(
                new Object[] {HttpMethod.GET, "/api/admin/people?q=李"},
                new Object[] {HttpMethod.POST, "/api/admin/people/villager2/password-reset"},
                new Object[] {HttpMethod.POST, "/api/admin/people/villager2/unlock"},
                new Object[] {HttpMethod.GET, "/api/admin/categories"},
                new Object[] {HttpMethod.GET, "/api/admin/categories/water"},
                new Object[] {HttpMethod.PUT, "/api/admin/categories/water"},
                new Object[] {HttpMethod.PUT, "/api/admin/organisations/QS-WATER"},
                new Object[] {HttpMethod.GET, "/api/admin/regions/QS01/impact"},
                new Object[] {HttpMethod.POST, "/api/admin/categories/water/active"},
                new Object[] {HttpMethod.GET, "/api/admin/synonym-groups"},
                new Object[] {HttpMethod.POST, "/api/admin/synonym-groups"},
                new Object[] {HttpMethod.PUT, "/api/admin/synonym-groups/1"},
                new Object[] {HttpMethod.DELETE, "/api/admin/synonym-groups/1"},
                new Object[] {HttpMethod.GET, "/api/admin/audit"});
        List<String> wrong = new ArrayList<>();
        for (String user : List.of("leader1", "township1", "villager1")) {
            for (Object[] e : endpoints) {
                int status = as(user).exchange((String) e[1], (HttpMethod) e[0], new HttpEntity<>(Map.of("active", false)),
                        String.class).getStatusCode().value();
                if (status != 403) {
                    wrong.add(user + " " + e[0] + " " + e[1] + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rest.getForEntity("/api/admin/audit", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aResetPasswordSignsInOnceAndMustBeChanged() {
        String user = registerVillager("old-pass-2026", "QS02002");
        ResponseEntity<JsonNode> reset = post("admin", "/api/admin/people/" + user + "/password-reset", null);
        assertThat(reset.getStatusCode().value()).isEqualTo(200);
        String temporary = reset.getBody().get("temporaryPassword").asText();
        assertThat(temporary).hasSize(12);

        assertThat(rest.withBasicAuth(user, "old-pass-2026").getForEntity("/api/me", String.class).getStatusCode().value())
                .as("the old password is refused").isEqualTo(401);
        assertThat(rest.withBasicAuth(user, temporary).getForEntity("/api/me", String.class).getStatusCode().value())
                .as("the temporary one signs in").isEqualTo(200);
        ResponseEntity<JsonNode> blocked = rest.withBasicAuth(user, temporary).getForEntity("/api/notifications", JsonNode.class);
        assertThat(blocked.getStatusCode().value()).as("but must be changed first").isEqualTo(403);

        ResponseEntity<JsonNode> changed = rest.withBasicAuth(user, temporary).postForEntity("/api/me/password",
                Map.of("currentPassword", temporary, "newPassword", "new-pass-2026"), JsonNode.class);
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(rest.withBasicAuth(user, temporary).getForEntity("/api/me", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth(user, "new-pass-2026").getForEntity("/api/notifications", String.class).getStatusCode().value())
                .isEqualTo(200);

        JsonNode audit = get("admin", "/api/admin/audit?action=account.password-reset&target=" + user).getBody();
        assertThat(audit.get("total").asLong()).isEqualTo(1);
        assertThat(audit.at("/entries/0/actor").asText()).isEqualTo("admin");
        assertThat(get("admin", "/api/admin/audit?target=" + user + "&size=200").getBody().toString())
                .as("the audit log never holds the password").doesNotContain(temporary);
        assertThat(post("admin", "/api/admin/people/nobody-here/password-reset", null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void unlockLetsAThrottledAccountSignInAtOnce() {
        String user = registerVillager("unlock-pass-2026", "QS02002");
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(getFrom(address, user, "guess-" + i, "/api/me").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(getFrom(address, user, "unlock-pass-2026", "/api/me").getStatusCode().value()).isEqualTo(429);
        assertThat(get("admin", "/api/admin/people?q=" + user).getBody().get(0).get("blockedUntil").isNull()).isFalse();

        ResponseEntity<JsonNode> unlocked = post("admin", "/api/admin/people/" + user + "/unlock", null);
        assertThat(unlocked.getStatusCode().value()).isEqualTo(200);
        assertThat(unlocked.getBody().get("cleared").asInt()).isPositive();
        assertThat(getFrom(address, user, "unlock-pass-2026", "/api/me").getStatusCode().value()).isEqualTo(200);
        assertThat(get("admin", "/api/admin/audit?action=account.unlocked&target=" + user).getBody().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void peopleAreFoundByNamePhoneUserNameAndVillage() {
        assertThat(get("admin", "/api/admin/people?q=李建国").getBody().findValuesAsText("username")).contains("villager1");
        assertThat(get("admin", "/api/admin/people?q=李家村").getBody().findValuesAsText("username")).contains("villager1", "grid1");
        String user = registerVillager("find-pass-2026", "QS02002");
        JsonNode byPhone = get("admin", "/api/admin/people?q=" + user).getBody();
        assertThat(byPhone.findValuesAsText("username")).containsExactly(user);
        assertThat(byPhone.get(0).get("villageName").asText()).isNotBlank();
    }

    @Test
    void categoriesAreEditedWithTheirQuestionsAndSwitchedOff() {
        String code = "t-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        ResponseEntity<JsonNode> bad = put("/api/admin/categories/" + code, Map.of("nameZh", "", "domain", "farm",
                "sort", -1, "questions", List.of("好".repeat(201))));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(bad)).contains("nameZh", "domain", "sort", "questions[0]");
        assertThat(bad.getBody().toString()).contains("请填写类别名称", "三农");

        ResponseEntity<JsonNode> added = put("/api/admin/categories/" + code, Map.of("nameZh", "测试类别", "domain", "sannong",
                "icon", "🐄", "keywords", "牛,羊", "questions", List.of("第一问？", "第二问？", "第三问？")));
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(200);
        // reorder, edit and remove in one go
        ResponseEntity<JsonNode> changed = put("/api/admin/categories/" + code,
                Map.of("questions", List.of("第三问？", "改过的第一问？")));
        assertThat(changed.getBody().get("questions")).extracting(JsonNode::asText).containsExactly("第三问？", "改过的第一问？");
        assertThat(changed.getBody().get("nameZh").asText()).isEqualTo("测试类别");
        JsonNode publicOne = find(get("villager1", "/api/categories").getBody(), code);
        assertThat(publicOne.get("questions").asText()).as("the phone's joined questions").isEqualTo("第三问？改过的第一问？");
        assertThat(publicOne.get("icon").asText()).isEqualTo("🐄");

        String first = file("villager1", "测试类别一", "测试类别的第一件", code);
        String second = file("villager1", "测试类别二", "测试类别的第二件", code);
        completeStage("grid1", second, "accept", Map.of("outcome", "reject", "reason", "测试：不属实"));
        JsonNode impact = get("admin", "/api/admin/categories/" + code + "/impact").getBody();
        assertThat(impact.get("open").asLong()).isEqualTo(1);
        assertThat(impact.get("total").asLong()).isEqualTo(2);
        assertThat(first).isNotBlank();

        assertThat(post("admin", "/api/admin/categories/" + code + "/active", Map.of()).getStatusCode().value())
                .as("active is required").isEqualTo(400);
        ResponseEntity<JsonNode> off = post("admin", "/api/admin/categories/" + code + "/active", Map.of("active", false));
        assertThat(off.getStatusCode().value()).isEqualTo(200);
        assertThat(off.getBody().at("/impact/open").asLong()).isEqualTo(1);
        assertThat(get("villager1", "/api/categories").getBody().findValuesAsText("code")).doesNotContain(code);
        ResponseEntity<JsonNode> refused = post("villager1", "/api/cases", Map.of("title", "停用后", "description", "停用的类别", "category", code));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(refused)).contains("category");

        JsonNode audit = get("admin", "/api/admin/audit?target=" + code).getBody();
        assertThat(audit.get("entries").findValuesAsText("action")).contains("category.added", "category.changed", "categories.deactivated");
        assertThat(audit.get("entries").findValuesAsText("detail")).anyMatch(d -> d.contains("在办 1 件，共 2 件"));
        post("admin", "/api/admin/categories/" + code + "/active", Map.of("active", true));
    }

    @Test
    void regionAndOrganisationImpactCountTheirCases() {
        String number = file("villager1", "影响统计", "停用前看看影响多少件", "road");
        JsonNode village = get("admin", "/api/admin/regions/QS01001/impact").getBody();
        JsonNode township = get("admin", "/api/admin/regions/QS01/impact").getBody();
        assertThat(village.get("name").asText()).isEqualTo("李家村");
        assertThat(village.get("open").asLong()).isPositive();
        assertThat(township.get("total").asLong()).as("a township counts its villages' cases").isGreaterThanOrEqualTo(village.get("total").asLong());
        long org = jdbc.sql("select count(*) from minqing.case_record where handling_org = 'QS-WATER'").query(Long.class).single();
        assertThat(get("admin", "/api/admin/organisations/QS-WATER/impact").getBody().get("total").asLong()).isEqualTo(org);
        assertThat(get("admin", "/api/admin/regions/XX99/impact").getStatusCode().value()).isEqualTo(404);
        assertThat(number).isNotBlank();
    }

    @Test
    void anOrganisationIsSavedWithItsPhoneAndEveryWrongFieldIsNamed() {
        ResponseEntity<JsonNode> bad = put("/api/admin/organisations/QS-TEST-ORG", Map.of("name", "", "kind", "bureau",
                "regionCode", "NOWHERE", "categories", List.of("no-such"), "phone", "call me"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(bad)).contains("name", "kind", "regionCode", "categories", "phone");
        assertThat(bad.getBody().toString()).contains("请填写单位名称", "电话号码");
        ResponseEntity<JsonNode> nameOnly = put("/api/admin/organisations/QS-TEST-ORG", Map.of("name", "只有名称"));
        assertThat(nameOnly.getStatusCode().value()).as("a missing kind is named, not a 500").isEqualTo(400);
        assertThat(fields(nameOnly)).containsExactlyInAnyOrder("kind", "regionCode");

        ResponseEntity<JsonNode> saved = put("/api/admin/organisations/QS-TEST-ORG", Map.of("name", "县测试局",
                "kind", "county-bureau", "regionCode", "QS", "categories", List.of("road", "water"), "phone", "0731-1234567"));
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        assertThat(saved.getBody().get("categories")).extracting(JsonNode::asText).containsExactly("road", "water");
        assertThat(jdbc.sql("select phone from minqing.organisation where code = 'QS-TEST-ORG'").query(String.class).single())
                .isEqualTo("0731-1234567");
        assertThat(get("admin", "/api/admin/audit?action=organisation.added&target=QS-TEST-ORG").getBody().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void anAddedSynonymChangesWhatASearchFinds() {
        String number = file("villager1", "鳄梨滞销", "今年鳄梨大丰收，可是没有收购商", "farm-sales");
        await(Duration.ofSeconds(10), "grid1", "/api/search?size=50&q=鳄梨",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        assertThat(numbers("牛油果")).doesNotContain(number);

        ResponseEntity<JsonNode> tooFew = post("admin", "/api/admin/synonym-groups", Map.of("terms", List.of("牛油果")));
        assertThat(tooFew.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(tooFew)).containsExactly("terms");

        ResponseEntity<JsonNode> added = post("admin", "/api/admin/synonym-groups", Map.of("terms", List.of("牛油果", "鳄梨")));
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        int id = added.getBody().get("id").asInt();
        try {
            assertThat(numbers("牛油果")).as("the search uses the new group at once").contains(number);
            ResponseEntity<JsonNode> changed = as("admin").exchange("/api/admin/synonym-groups/" + id, HttpMethod.PUT,
                    new HttpEntity<>(Map.of("terms", List.of("avocado", "鳄梨"))), JsonNode.class);
            assertThat(changed.getStatusCode().value()).isEqualTo(200);
            assertThat(numbers("牛油果")).doesNotContain(number);
            assertThat(numbers("avocado")).contains(number);
        } finally {
            assertThat(as("admin").exchange("/api/admin/synonym-groups/" + id, HttpMethod.DELETE, null, String.class)
                    .getStatusCode().value()).isEqualTo(204);
        }
        assertThat(numbers("avocado")).doesNotContain(number);
        assertThat(get("admin", "/api/admin/synonym-groups").getBody().findValuesAsText("id")).doesNotContain(String.valueOf(id));
        // a URI as it is: the template would encode the % of "%23" (#) again
        assertThat(as("admin").getForEntity(java.net.URI.create("/api/admin/audit?target=%23" + id), JsonNode.class)
                .getBody().get("entries").findValuesAsText("action"))
                .contains("synonym.added", "synonym.changed", "synonym.removed");
    }

    @Test
    void theAuditLogIsFilteredPagedAndChecked() {
        JsonNode page = get("admin", "/api/admin/audit?actor=villager1&action=case.filed&size=3").getBody();
        assertThat(page.get("entries").size()).isLessThanOrEqualTo(3);
        assertThat(page.get("entries").findValuesAsText("action")).allMatch("case.filed"::equals);
        JsonNode today = get("admin", "/api/admin/audit?from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1)).getBody();
        assertThat(today.get("total").asLong()).isPositive();

        ResponseEntity<JsonNode> bad = get("admin", "/api/admin/audit?size=0&page=-1&from=2026-10-02&to=2026-10-01");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(bad)).contains("size", "page", "from");
        assertThat(cn.minqing.platform.audit.AuditEntries.masked("first administrator, password s3cret!x"))
                .doesNotContain("s3cret");
    }

    private ResponseEntity<JsonNode> put(String path, Object body) {
        return as("admin").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().findValuesAsText("field");
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode n : list) {
            if (n.get("code").asText().equals(code)) {
                return n;
            }
        }
        throw new AssertionError("no " + code + " in " + list);
    }

    /** The cases the words found (highlighted in them), not those a relaxed search lists for the category. */
    private List<String> numbers(String q) {
        List<String> found = new java.util.ArrayList<>();
        get("grid1", "/api/search?size=50&q=" + q).getBody().get("hits").forEach(hit -> {
            if (hit.hasNonNull("highlight") && !hit.get("highlight").isEmpty()) {
                found.add(hit.get("number").asText());
            }
        });
        return found;
    }
}
