package cn.minqing.open311;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Open311 GeoReport v2 as a third-party client library meets it, beyond the happy path: the errors the
 * specification names (403 for an api_key, 404 for a jurisdiction, a list of {@code {code, description}} in the
 * path's format for every refusal, even those made before the controller runs), {@code jurisdiction_id},
 * {@code start_date} with an offset whose {@code +} arrives unencoded, UTF-8 forms without a charset, and an
 * anonymous report that gives the spec's personal fields (first_name, phone, email) without any of them coming back.
 */
class GeoReportClientTest extends ApiTest {

    final HttpClient http = HttpClient.newHttpClient();
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aMissingOrInvalidKeyIs403InTheSpecsErrorListInBothFormats() throws Exception {
        for (String path : List.of("/open311/v2/requests.json", "/open311/v2/requests.json?api_key=mq_not-a-token",
                "/open311/v2/requests/QS-20260101-0001.json?api_key=mq_nope")) {
            HttpResponse<String> refused = send("GET", path, null, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode errors = json.readTree(refused.body());
            assertThat(errors.isArray()).isTrue();
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(403);
            assertThat(errors.get(0).get("description").asText()).isNotBlank();
        }
        HttpResponse<String> xml = send("POST", "/open311/v2/requests.xml", null,
                form(Map.of("api_key", "mq_forged", "service_code", "water", "address_id", "QS01001")));
        assertThat(xml.statusCode()).isEqualTo(403);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>403</code>");
        assertThat(xml(xml.body()).getElementsByTagName("description").item(0).getTextContent()).isNotBlank();
    }

    @Test
    void refusalsMadeBeforeTheControllerAreTheSpecsErrorListsToo() throws Exception {
        String key = token("villager1");
        HttpResponse<String> wrongMethod = send("PUT", "/open311/v2/requests.json?api_key=" + key, null, "a=1");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json.readTree(wrongMethod.body()).get(0).get("code").asInt()).isEqualTo(405);
        assertThat(json.readTree(wrongMethod.body()).get(0).get("description").asText()).doesNotContain("METHOD_NOT_ALLOWED");
        HttpResponse<String> jsonBody = send("POST", "/open311/v2/requests.json?api_key=" + key,
                Map.of("Content-Type", "application/json"), "{\"service_code\":\"water\"}");
        assertThat(jsonBody.statusCode()).isEqualTo(415);
        assertThat(json.readTree(jsonBody.body()).get(0).get("code").asInt()).isEqualTo(415);
        HttpResponse<String> brokenMultipart = send("POST", "/open311/v2/requests.json?api_key=" + key,
                Map.of("Content-Type", "multipart/form-data; boundary=zz"), "--zz\r\nContent-Disposition: form-data; name=\"service_code\"\r\n\r\nwat");
        assertThat(brokenMultipart.statusCode()).isEqualTo(400);
        assertThat(json.readTree(brokenMultipart.body()).get(0).get("code").asInt()).isEqualTo(400);
        HttpResponse<String> unknownPath = send("GET", "/open311/v2/nothing.xml?api_key=" + key, null, null);
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(xml(unknownPath.body()).getDocumentElement().getNodeName()).isEqualTo("errors");
        HttpResponse<String> badForm = send("PUT", "/open311/v2/requests.json?api_key=" + key, null, "a=%ZZ");
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badForm.body()).get(0).get("code").asInt()).isEqualTo(400);
    }

    /** 11th session: an account held to changing its password got the API's problem+json on Open311. */
    @Test
    void anAccountThatMustChangeItsPasswordIsRefusedInTheSpecsErrorList() throws Exception {
        String user = registerVillager("qingxi2026", "QS02002");
        String key = rest.withBasicAuth(user, "qingxi2026").postForEntity("/api/tokens", Map.of("name", "open311"), JsonNode.class)
                .getBody().get("token").asText();
        jdbc.sql("update minqing.app_user set must_change_password = true where username = ?").param(user).update();
        long cases = jdbc.sql("select count(*) from minqing.case_record").query(Long.class).single();

        HttpResponse<String> list = send("GET", "/open311/v2/requests.json?api_key=" + key, null, null);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode errors = json.readTree(list.body());
        assertThat(errors.isArray()).as(list.body()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(403);
        assertThat(errors.get(0).get("description").asText()).containsPattern("\\p{IsHan}");

        HttpResponse<String> xml = send("POST", "/open311/v2/requests.xml", null,
                form(Map.of("api_key", key, "service_code", "water", "address_id", "QS02002", "description", "三组自来水停了")));
        assertThat(xml.statusCode()).isEqualTo(403);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(xml(xml.body()).getDocumentElement().getNodeName()).isEqualTo("errors");
        assertThat(xml.body()).contains("<code>403</code>");
        assertThat(jdbc.sql("select count(*) from minqing.case_record").query(Long.class).single()).as("nothing filed").isEqualTo(cases);
        // the rest of the API keeps its problem+json
        HttpResponse<String> api = send("GET", "/api/cases", Map.of("Authorization", "Bearer " + key), null);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void jurisdictionIdIsTheCountyOrAbsentAndAnyOtherIs404() throws Exception {
        assertThat(send("GET", "/open311/v2/services.json?jurisdiction_id=QS", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/open311/v2/services.xml?jurisdiction_id=localhost", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> elsewhere = send("GET", "/open311/v2/services.json?jurisdiction_id=sfgov.org", null, null);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(json.readTree(elsewhere.body()).get(0).get("code").asInt()).isEqualTo(404);
        assertThat(send("GET", "/open311/v2/services/water.json?jurisdiction_id=sfgov.org", null, null).statusCode()).isEqualTo(404);
        String key = token("villager1");
        assertThat(send("GET", "/open311/v2/requests.json?jurisdiction_id=qs&api_key=" + key, null, null).statusCode()).isEqualTo(200);
        int before = get("villager1", "/api/cases?size=200").getBody().size();
        HttpResponse<String> filed = send("POST", "/open311/v2/requests.json", null, form(Map.of("api_key", key,
                "jurisdiction_id", "sfgov.org", "service_code", "road", "address_id", "QS01001", "description", "路灯不亮")));
        assertThat(filed.statusCode()).isEqualTo(404);
        assertThat(get("villager1", "/api/cases?size=200").getBody().size()).as("nothing filed").isEqualTo(before);
    }

    @Test
    void datesWithOffsetsAreReadEvenWhenThePlusArrivesUnencoded() throws Exception {
        String key = token("villager1");
        String number = json.readTree(send("POST", "/open311/v2/requests.json", null, form(Map.of("api_key", key,
                "service_code", "road", "address_id", "QS01001", "description", "日期测试：村口路面塌陷"))).body())
                .get(0).get("service_request_id").asText();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        for (String start : List.of(today + "T00:00:00+08:00", today + "T00:00:00%2B08:00", today,
                java.time.LocalDate.parse(today).minusDays(1) + "T16:00:00Z")) {
            HttpResponse<String> found = send("GET", "/open311/v2/requests.json?start_date=" + start + "&api_key=" + key, null, null);
            assertThat(found.statusCode()).as(start + ": " + found.body()).isEqualTo(200);
            assertThat(json.readTree(found.body()).findValuesAsText("service_request_id")).as(start).contains(number);
        }
        assertThat(json.readTree(send("GET", "/open311/v2/requests.json?service_request_id=" + number + ",%20QS-20000101-0001"
                + "&status=closed&api_key=" + key, null, null).body()).findValuesAsText("service_request_id")).containsExactly(number);
        for (String bad : List.of("+999999999-12-31T00:00:00Z", "2026-02-30T00:00:00+08:00", "2026-12-01T00:00:00")) {
            HttpResponse<String> refused = send("GET", "/open311/v2/requests.json?end_date=" + URLEncoder.encode(bad, StandardCharsets.UTF_8)
                    + "&api_key=" + key, null, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(refused.body()).findValuesAsText("field")).containsExactly("end_date");
        }
    }

    @Test
    void aFormWithoutACharsetIsUtf8AndAnAnonymousReportersPersonalFieldsNeverComeBack() throws Exception {
        String key = token("villager1");
        String body = form(fields("api_key", key, "service_code", "security", "address_id", "QS01001",
                "attribute[anonymous]", "true", "description", "渠道边有人倾倒垃圾，气味很大",
                "first_name", "建国", "last_name", "李", "phone", "13800000001", "email", "lijianguo@example.cn",
                "account_id", "villager1", "device_id", "phone-of-villager1"));
        HttpResponse<String> filed = send("POST", "/open311/v2/requests.json", Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode receipt = json.readTree(filed.body()).get(0);
        assertThat(receipt.get("account_id").isNull()).isTrue();
        String number = receipt.get("service_request_id").asText();
        for (String cadre : List.of("grid1", "township1", "leader1")) {
            String cadreKey = token(cadre);
            for (String path : List.of("/open311/v2/requests/" + number + ".json", "/open311/v2/requests/" + number + ".xml",
                    "/open311/v2/requests.xml?service_request_id=" + number)) {
                HttpResponse<String> seen = send("GET", path + (path.contains("?") ? "&" : "?") + "api_key=" + cadreKey, null, null);
                assertThat(seen.statusCode()).as(cadre + " " + path).isEqualTo(200);
                assertThat(seen.headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("charset=UTF-8");
                assertThat(seen.body()).contains("渠道边有人倾倒垃圾").doesNotContain("villager1", "李建国", "建国", "13800000001",
                        "lijianguo", "phone-of");
            }
        }
    }

    private String token(String user) {
        return post(user, "/api/tokens", Map.of("name", "open311-client-" + System.nanoTime())).getBody().get("token").asText();
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers != null) {
            headers.forEach(b::header);
        }
        if (form != null && (headers == null || !headers.containsKey("Content-Type"))) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
