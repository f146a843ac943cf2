package cn.minqing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class IntakeApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVillagersReportBecomesANumberedCaseInTheirVillageWithAProcess() {
        ResponseEntity<JsonNode> response = post("villager1", "/api/cases", Map.of(
                "title", "三组自来水停了三天", "description", "三组从周一开始水龙头没水，老人孩子吃水困难，请尽快派人看看。",
                "category", "water", "lat", 27.81, "lon", 113.21, "address", "三组村口"));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode body = response.getBody();
        assertThat(body.get("number").asText()).matches("QS-\\d{8}-\\d{4}");
        assertThat(body.get("status").asText()).isEqualTo("received");
        assertThat(body.get("villageCode").asText()).isEqualTo("QS01001");
        assertThat(body.get("villageName").asText()).isEqualTo("李家村");
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/cases/" + body.get("number").asText());

        JsonNode fetched = get("villager1", "/api/cases/" + body.get("number").asText()).getBody();
        assertThat(fetched.get("timeline").get(0).get("kind").asText()).isEqualTo("filed");
        assertThat(jdbc.sql("select process_instance_id from minqing.case_record where number = ?")
                .param(body.get("number").asText()).query(String.class).single()).isNotBlank();
    }

    @Test
    void caseNumbersSortInFilingOrder() {
        String first = file("villager1", "路灯坏了", "村口路灯坏了一个月了", "power");
        String second = file("villager2", "垃圾没人清", "桥头垃圾堆了好几天没人清运", "sanitation");
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheSameCase() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "phone-42-retry-" + System.nanoTime());
        Map<String, Object> report = Map.of("title", "桥面塌了一块", "description", "后山小桥桥面塌了一块，摩托车过不去。", "category", "road");
        long before = caseCount();

        ResponseEntity<JsonNode> first = post("villager1", "/api/cases", report, headers);
        ResponseEntity<JsonNode> retry = post("villager1", "/api/cases", report, headers);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("number")).isEqualTo(first.getBody().get("number"));
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(caseCount()).isEqualTo(before + 1);
    }

    @Test
    void filingsAtTheSameTimeGetDistinctNumbersAndOneKeySentFourTimesAtOnceMakesOneCase() throws Exception {
        Map<String, Object> report = Map.of("title", "同时反映", "description", "八个人同时反映村口水管漏水。", "category", "water");
        HttpHeaders sameKey = new HttpHeaders();
        sameKey.set("Idempotency-Key", "four-at-once-" + System.nanoTime());
        long before = caseCount();
        List<java.util.concurrent.Callable<ResponseEntity<JsonNode>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> post("villager1", "/api/cases", report));
        }
        for (int i = 0; i < 4; i++) {
            calls.add(() -> post("villager1", "/api/cases", report, sameKey));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        List<ResponseEntity<JsonNode>> answers = new java.util.ArrayList<>();
        for (var f : pool.invokeAll(calls)) {
            answers.add(f.get());
        }
        pool.shutdown();

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(201));
        List<String> numbers = answers.stream().map(a -> a.getBody().get("number").asText()).toList();
        assertThat(numbers.subList(0, 8)).doesNotHaveDuplicates().doesNotContainAnyElementsOf(numbers.subList(8, 12));
        assertThat(numbers.subList(8, 12)).containsOnly(numbers.get(8));
        assertThat(caseCount()).isEqualTo(before + 9);
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentReportIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", "reuse-" + System.nanoTime());
        post("villager1", "/api/cases", Map.of("title", "水管爆了", "description", "村口水管爆了", "category", "water"), headers);
        ResponseEntity<JsonNode> other = post("villager1", "/api/cases",
                Map.of("title", "路灯不亮", "description", "路灯不亮", "category", "power"), headers);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void badInputIsRefusedWithEveryBadFieldNamedAndNothingStored() {
        long before = caseCount();
        Map<String, Object> report = new HashMap<>();
        report.put("title", "");
        report.put("description", "没水");
        report.put("category", "water");
        report.put("lat", 123.0);
        report.put("lon", 113.0);

        ResponseEntity<JsonNode> response = post("villager1", "/api/cases", report);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(fields(response.getBody())).containsExactlyInAnyOrder("title", "lat");
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).isNotBlank();
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void unknownCategoryAndVillageAreNamed() {
        ResponseEntity<JsonNode> response = post("villager1", "/api/cases", Map.of(
                "title", "问题", "description", "描述", "category", "weather", "villageCode", "XX999"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(response.getBody())).containsExactlyInAnyOrder("category", "villageCode");
    }

    @Test
    void messagesFollowTheCallersLanguage() {
        HttpHeaders english = new HttpHeaders();
        english.set("Accept-Language", "en");
        ResponseEntity<JsonNode> response = post("villager1", "/api/cases",
                Map.of("title", "x", "description", "y", "category", "weather"), english);
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("category");
        ResponseEntity<JsonNode> chinese = post("villager1", "/api/cases",
                Map.of("title", "x", "description", "y", "category", "weather"));
        assertThat(chinese.getBody().get("errors").get(0).get("message").asText()).contains("类别");
    }

    @Test
    void malformedJsonGetsA400() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Type", "application/json");
        ResponseEntity<JsonNode> response = post("villager1", "/api/cases", "{\"title\": ", headers);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aVillagerSeesOnlyTheirOwnCases() {
        String mine = file("villager1", "低保没批下来", "我家老人低保申请三个月了还没消息", "subsidy");
        assertThat(get("villager2", "/api/cases/" + mine).getStatusCode().value()).isEqualTo(404);
        assertThat(get("villager1", "/api/cases/" + mine).getStatusCode().value()).isEqualTo(200);
        JsonNode list = get("villager2", "/api/cases").getBody();
        assertThat(list.findValuesAsText("number")).as("villager2's own cases").isNotEmpty().doesNotContain(mine);
    }

    @Test
    void anonymousCallsGet401() {
        assertThat(rest.getForEntity("/api/cases/QS-20260101-0001", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.postForEntity("/api/cases", Map.of("title", "t"), String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void meTellsWhoTheCallerIs() {
        JsonNode me = get("villager1", "/api/me").getBody();
        assertThat(me.get("username").asText()).isEqualTo("villager1");
        assertThat(me.get("roles").get(0).asText()).isEqualTo("VILLAGER");
        assertThat(me.get("villageCode").asText()).isEqualTo("QS01001");
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from minqing.case_record").query(Long.class).single();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }
}
