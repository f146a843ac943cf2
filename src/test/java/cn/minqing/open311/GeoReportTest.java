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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Open311 GeoReport v2 as a third-party client speaks it: form posts with an api_key, JSON and XML, errors as a
 * list naming each field; and the app's promises: scope (a villager sees only their own requests, a cadre their
 * region's) and anonymity (no request names its reporter to anyone but the reporter).
 */
class GeoReportTest extends ApiTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void discoveryAndServicesAreOpenInBothFormats() throws Exception {
        JsonNode discovery = json.readTree(send("GET", "/open311/v2/discovery.json", null, null).body());
        assertThat(discovery.get("endpoints").get(0).get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(discovery.get("endpoints").get(0).get("url").asText()).endsWith("/open311/v2");
        HttpResponse<String> xml = send("GET", "/open311/v2/services.xml", null, null);
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Document services = xml(xml.body());
        assertThat(services.getDocumentElement().getNodeName()).isEqualTo("services");
        assertThat(text(services, "service_code")).contains("water", "road");
        JsonNode water = find(json.readTree(send("GET", "/open311/v2/services.json", null, null).body()), "service_code", "water");
        assertThat(water.get("service_name").asText()).isEqualTo("饮水供水");
        assertThat(water.get("group").asText()).isEqualTo("民生");
        assertThat(water.get("metadata").asBoolean()).isTrue();
        JsonNode definition = json.readTree(send("GET", "/open311/v2/services/water.json", null, null).body());
        assertThat(definition.get("attributes").findValuesAsText("code")).contains("anonymous", "q1", "q2");
        assertThat(send("GET", "/open311/v2/services/no-such.json", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/open311/v2/services.yaml", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aVillagerFilesWithAnApiKeyAndSeesOnlyTheirOwn() throws Exception {
        String key = token("villager1");
        HttpResponse<String> filed = send("POST", "/open311/v2/requests.json", null, form(Map.of("api_key", key,
                "service_code", "water", "lat", "27.8446", "long", "113.1628",
                "description", "村东头的自来水管破了，水流了一地。已经两天了",
                "attribute[q1]", "两天", "address_string", "李家村东头")));
        assertThat(filed.statusCode()).isEqualTo(201);
        String number = json.readTree(filed.body()).get(0).get("service_request_id").asText();
        JsonNode mine = get("villager1", "/api/cases/" + number).getBody();
        assertThat(mine.get("title").asText()).isEqualTo("村东头的自来水管破了，水流了一地");
        assertThat(mine.get("description").asText()).contains("问：停水多久了？ 答：两天");
        assertThat(mine.get("villageCode").asText()).isEqualTo("QS01001");
        assertThat(mine.get("channel").asText()).isEqualTo("open311");
        JsonNode one = json.readTree(send("GET", "/open311/v2/requests/" + number + ".json?api_key=" + key, null, null).body());
        assertThat(one.get(0).get("status").asText()).isEqualTo("open");
        assertThat(one.get(0).get("service_code").asText()).isEqualTo("water");
        assertThat(one.get(0).get("address_id").asText()).isEqualTo("QS01001");
        assertThat(one.get(0).get("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        JsonNode list = json.readTree(send("GET", "/open311/v2/requests.json?service_code=water&status=open&api_key=" + key, null, null).body());
        assertThat(list.findValuesAsText("service_request_id")).contains(number);
        assertThat(json.readTree(send("GET", "/open311/v2/requests.json?status=closed&api_key=" + key, null, null).body())
                .findValuesAsText("service_request_id")).doesNotContain(number);

        String other = token("villager2");
        assertThat(send("GET", "/open311/v2/requests/" + number + ".json?api_key=" + other, null, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/open311/v2/requests.json?api_key=" + other, null, null).body())
                .findValuesAsText("service_request_id")).doesNotContain(number);
        // GeoReport v2 names 403 for a missing or invalid api_key (GeoReportClientTest checks the error list)
        assertThat(send("GET", "/open311/v2/requests.json", null, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/open311/v2/requests.json?api_key=mq_not-a-token", null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void anAnonymousRequestNamesNobodyToTheCadresWhoHandleIt() throws Exception {
        String key = token("villager1");
        HttpResponse<String> filed = send("POST", "/open311/v2/requests.xml", null, form(Map.of("api_key", key,
                "service_code", "security", "address_id", "QS01001", "attribute[anonymous]", "true",
                "description", "村里有人聚众赌博，村干部不管")));
        assertThat(filed.statusCode()).isEqualTo(201);
        String number = text(xml(filed.body()), "service_request_id").get(0);
        for (String cadre : List.of("grid1", "township1", "leader1")) {
            String body = send("GET", "/open311/v2/requests/" + number + ".json", basic(cadre), null).body();
            assertThat(body).contains(number).doesNotContain("villager1").doesNotContain("李建国");
            String feed = send("GET", "/open311/v2/requests.xml?service_code=security", basic(cadre), null).body();
            assertThat(feed).doesNotContain("villager1").doesNotContain("李建国");
        }
        JsonNode seen = get("grid1", "/api/cases/" + number).getBody();
        assertThat(seen.get("anonymous").asBoolean()).isTrue();
        assertThat(seen.get("reporter").asText()).isEqualTo("匿名群众");
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsStored() throws Exception {
        String key = token("villager1");
        int before = get("villager1", "/api/cases?size=200").getBody().size();
        HttpResponse<String> refused = send("POST", "/open311/v2/requests.json", null, form(Map.of("api_key", key,
                "service_code", "no-such", "lat", "abc", "long", "113.1", "attribute[anonymous]", "maybe",
                "description", "测试")));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(refused.body());
        assertThat(errors.findValuesAsText("field")).contains("service_code", "lat", "attribute[anonymous]");
        assertThat(errors.findValuesAsText("code")).allMatch("400"::equals);
        assertThat(refused.body()).doesNotContainPattern("(?i)exception|sql|org\\.");
        HttpResponse<String> xml = send("POST", "/open311/v2/requests.xml", null, form(Map.of("api_key", key)));
        assertThat(xml.statusCode()).isEqualTo(400);
        assertThat(text(xml(xml.body()), "field")).contains("service_code", "lat");
        assertThat(send("GET", "/open311/v2/requests.json?start_date=yesterday&status=maybe&api_key=" + key, null, null)
                .body()).contains("start_date").contains("status");
        String cadreKey = token("township1");
        JsonNode noVillage = json.readTree(send("POST", "/open311/v2/requests.json", null,
                form(Map.of("api_key", cadreKey, "service_code", "road", "address_string", "某处", "description", "路坏了"))).body());
        assertThat(noVillage.findValuesAsText("field")).containsExactly("address_id");
        assertThat(get("villager1", "/api/cases?size=200").getBody().size()).isEqualTo(before);
    }

    @Test
    void aCadreFilingByPointGetsTheNearestVillageAndARetryGetsTheSameNumber() throws Exception {
        String key = token("township1");
        Map<String, String> report = Map.of("api_key", key, "service_code", "road", "lat", "27.8445", "long", "113.1627",
                "description", "桥头的路面塌了一个坑");
        HttpResponse<String> first = send("POST", "/open311/v2/requests.json", Map.of("Idempotency-Key", "o311-" + System.nanoTime()), form(report));
        String key2 = first.request().headers().firstValue("Idempotency-Key").orElseThrow();
        HttpResponse<String> again = send("POST", "/open311/v2/requests.json", Map.of("Idempotency-Key", key2), form(report));
        String number = json.readTree(first.body()).get(0).get("service_request_id").asText();
        assertThat(json.readTree(again.body()).get(0).get("service_request_id").asText()).isEqualTo(number);
        assertThat(get("township1", "/api/cases/" + number).getBody().get("villageCode").asText()).isEqualTo("QS01001");
        JsonNode far = json.readTree(send("POST", "/open311/v2/requests.json", null, form(Map.of("api_key", key,
                "service_code", "road", "lat", "39.9", "long", "116.4", "description", "北京的路"))).body());
        assertThat(far.findValuesAsText("field")).containsExactly("lat");
    }

    private String token(String user) {
        return post(user, "/api/tokens", Map.of("name", "open311-" + System.nanoTime())).getBody().get("token").asText();
    }

    private static Map<String, String> basic(String user) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers != null) {
            headers.forEach(b::header);
        }
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> text(Document d, String element) {
        var nodes = d.getElementsByTagName(element);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(value + " not in " + list);
    }
}
