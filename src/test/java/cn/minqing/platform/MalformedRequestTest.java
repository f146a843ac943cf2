package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed requests generated from the app's own OpenAPI document, for every operation: every parameter
 * empty, huge, NaN, negative, overflowing, a NUL byte, an impossible date or month, the wrong type; every JSON
 * body unreadable, of the wrong shape, with each field of the wrong type or far too long; the wrong content
 * type. No answer may be a 5xx, and no refusal may carry SQL, exception names, stack traces or server paths.
 */
class MalformedRequestTest extends ApiTest {

    /** Operations whose malformed calls could still do something drastic, left to their own tests. */
    static final Set<String> SKIPPED = Set.of("POST /api/admin/search/rebuild", "DELETE /api/tokens");
    static final List<String> BAD_VALUES = List.of("", "x".repeat(3000), "NaN", "-1", "1e309", "99999999999999999999",
            "\u0000", "a\u0000b", "2026-13-45", "+999999999-12", "abc", "95,0", "'; drop table x; --", "%", "\\", "[]",
            "-99999999999", "0", "2147483648");
    static final Pattern LEAK = Pattern.compile("(?i)(org\\.|java\\.|exception|sql|select |insert |update minqing|"
            + "error:|/work/|/tmp/|at cn\\.|caused by|postgres|elasticsearch\\.)");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final List<String> failures = new ArrayList<>();
    int sent;
    String token;

    @Test
    void noMalformedRequestGetsA5xxOrLeaksInternals() throws Exception {
        token = post("admin", "/api/tokens", Map.of("name", "malformed")).getBody().get("token").asText();
        JsonNode docs = get("admin", "/v3/api-docs").getBody();
        Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                String method = op.getKey().toUpperCase();
                if (!SKIPPED.contains(method + " " + path.getKey()) && (path.getKey().startsWith("/api/") || path.getKey().startsWith("/open311/") || method.equals("GET"))) {
                    exercise(method, path.getKey(), op.getValue(), docs);
                }
            });
        }
        headers();
        as("admin").delete("/api/tokens");
        System.out.println("MalformedRequestTest: " + sent + " requests, " + failures.size() + " failures");
        assertThat(sent).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyWrongFieldIsNamedAtOnceInTheCallersLanguage() {
        Map<String, Object> report = Map.of("title", "", "description", "说明", "category", "no-such-category",
                "villageCode", "QS99999", "lat", 95.0);
        JsonNode zh = post("villager1", "/api/cases", report).getBody();
        assertThat(zh.get("status").asInt()).isEqualTo(400);
        assertThat(zh.get("errors").findValuesAsText("field")).contains("title", "category", "villageCode", "lat");
        assertThat(zh.get("detail").asText()).contains("处");
        assertThat(zh.get("errors").findValuesAsText("message")).hasSizeGreaterThanOrEqualTo(4).allMatch(m -> m.codePoints().anyMatch(c -> c >= 0x4e00));
        org.springframework.http.HttpHeaders english = new org.springframework.http.HttpHeaders();
        english.set("Accept-Language", "en");
        JsonNode en = post("villager1", "/api/cases", report, english).getBody();
        assertThat(en.get("detail").asText()).doesNotContainPattern("\\p{IsHan}");
        assertThat(en.get("errors").findValuesAsText("message")).hasSizeGreaterThanOrEqualTo(4).noneMatch(m -> m.codePoints().anyMatch(c -> c >= 0x4e00));
    }

    @Test
    void longTextsAreRefusedBeforeTheDatabaseOrTheEngineSeesThem() {
        String number = file("villager1", "超长文本测试", "超长文本测试：路灯坏了", "road");
        String task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0).get("id").asText();
        JsonNode refused = post("grid1", "/api/tasks/" + task + "/complete",
                Map.of("outcome", "reject", "reason", "长".repeat(5000))).getBody();
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.get("errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(post("grid1", "/api/cases/" + number + "/notes", Map.of("note", "长".repeat(5000)))
                .getStatusCode().value()).isEqualTo(400);
        org.springframework.http.HttpHeaders key = new org.springframework.http.HttpHeaders();
        key.set("Idempotency-Key", "k".repeat(300));
        assertThat(post("villager1", "/api/cases", Map.of("title", "键太长", "description", "键太长", "category", "road"), key)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("received");
    }

    /**
     * Every chain runs behind the strict firewall whose character rules are checked without regular expressions
     * ({@link FirewallCharacters}), and it still refuses what Spring Security's own refuses.
     */
    @Test
    void theFirewallWithItsQuickCharacterChecksGuardsEveryChain(
            @org.springframework.beans.factory.annotation.Autowired org.springframework.security.web.FilterChainProxy chains,
            @org.springframework.beans.factory.annotation.Autowired org.springframework.security.web.firewall.HttpFirewall firewall)
            throws Exception {
        assertThat(firewall).isInstanceOf(org.springframework.security.web.firewall.StrictHttpFirewall.class);
        // the chains' proxy is a composite (Spring MVC's around Spring Security's) handing requests to the proxy
        // WebSecurity built
        Object built = chains;
        while (java.util.Arrays.stream(built.getClass().getDeclaredFields()).anyMatch(f -> f.getName().equals("springSecurityFilterChain"))) {
            built = org.springframework.test.util.ReflectionTestUtils.getField(built, "springSecurityFilterChain");
        }
        Object used = org.springframework.test.util.ReflectionTestUtils.getField(built, "firewall");
        assertThat(used).isSameAs(firewall);
        // and refuses what Spring Security's own rule refuses: a control character in a header value read, a tab in a
        // header's name; a tab in a value passes, as there
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/me");
        request.addHeader("Authorization", "Bearer mq_\u0085");
        request.addHeader("X-Ok", "a\tb");
        request.addHeader("X\tName", "v");
        var firewalled = firewall.getFirewalledRequest(request);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> firewalled.getHeader("Authorization"))
                .isInstanceOf(org.springframework.security.web.firewall.RequestRejectedException.class);
        assertThat(firewalled.getHeader("X-Ok")).isEqualTo("a\tb");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.util.Collections.list(firewalled.getHeaderNames()))
                .isInstanceOf(org.springframework.security.web.firewall.RequestRejectedException.class);
    }

    /** What EndpointSweepTest found on the 10th session, each once more as a plain case (each was a 500 or not problem+json). */
    @Test
    void refusalsBeforeAndOutsideTheControllersAreProblemJsonNamingTheField() throws Exception {
        var issued = post("admin", "/api/tokens", Map.of("name", "sweep10"));
        assertThat(issued.getStatusCode().value()).as(String.valueOf(issued.getBody())).isEqualTo(201);
        String admin = issued.getBody().get("token").asText();
        try {
            // a PUT form body that is not form encoding: Spring's FormContentFilter threw into the container (500)
            HttpResponse<String> form = raw("PUT", "/api/households/1/assignment", admin, "application/x-www-form-urlencoded", "a=%ZZ", Map.of());
            assertProblem(form, 400, "body");
            assertThat(json.readTree(form.body()).get("detail").asText()).doesNotContain("{1}");
            // the container's error page called directly answered 500 (status 999)
            assertProblem(raw("GET", "/error", null, null, null, Map.of()), 404, null);
            // a date the parser takes and PostgreSQL does not (500 from the database)
            assertProblem(raw("GET", "/api/admin/audit?to=%2B999999999-12-31", admin, null, null, Map.of()), 400, "to");
            assertProblem(raw("GET", "/api/admin/stats/agreement?from=2026-01-01&to=%2B999999999-12-31", admin, null, null, Map.of()), 400, "to");
            // over Tomcat's request line and header limits: Tomcat's HTML page
            assertProblem(raw("GET", "/api/search?q=" + "x".repeat(100_000), admin, null, null, Map.of()), 400, null);
            assertProblem(raw("POST", "/api/cases", admin, "application/json", "{}", Map.of("Idempotency-Key", "k".repeat(10_000))), 400, null);
            // a path the firewall refuses: Spring Boot's {timestamp, status, error, path}
            assertProblem(raw("PUT", "/api/households/%25/assignment", admin, "application/json", "{}", Map.of()), 400, null);
            // no or a forged credential: Spring Boot's body again
            HttpResponse<String> none = raw("GET", "/api/me", null, null, null, Map.of());
            assertProblem(none, 401, null);
            assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
            assertProblem(raw("GET", "/api/me", "mq_forged", null, null, Map.of()), 401, null);
            // wrong shapes and impossible values that were stored: 1.5 read as household 1, 1e400 as 1970, "\ud800" as "?"
            long visits = jdbc.queryForObject("select count(*) from minqing.visit", Long.class);
            for (String wrong : List.of("\"household\":1.5", "\"visitedAt\":1e400",
                    "\"notes\":\"\\ud800\"", "\"met\":\"\\u0007\"")) {
                String body = "{\"household\":1,\"visitedAt\":\"2026-01-01T00:00:00Z\",\"met\":\"户主\",\"needs\":[]," + wrong + "}";
                String field = wrong.substring(1, wrong.indexOf('"', 1));
                assertProblem(raw("POST", "/api/visits", admin, "application/json", body, Map.of()), 400, field);
            }
            assertThat(jdbc.queryForObject("select count(*) from minqing.visit", Long.class)).as("no visit stored").isEqualTo(visits);
            // a list of groups with one that is no group: it was dropped silently, and [1] emptied every synonym group
            String groups = get("admin", "/api/admin/synonyms").getBody().toString();
            assertProblem(raw("PUT", "/api/admin/synonyms", admin, "application/json", "[1]", Map.of()), 400, "[0]");
            assertProblem(raw("PUT", "/api/admin/synonyms", admin, "application/json", "[\"水管,自来水管\",\"路灯\"]", Map.of()), 400, "[1]");
            assertThat(get("admin", "/api/admin/synonyms").getBody().toString()).as("synonyms kept").isEqualTo(groups);
        } finally {
            as("admin").delete("/api/tokens");
        }
    }

    /** 11th session: a number, true/false or an object where text belongs was stored as its text ("123"). */
    @Test
    void scalarsOfTheWrongTypeForTextFieldsAreRefusedNamingTheField() throws Exception {
        String admin = post("admin", "/api/tokens", Map.of("name", "mend11")).getBody().get("token").asText();
        String villager = post("villager1", "/api/tokens", Map.of("name", "mend11")).getBody().get("token").asText();
        try {
            long cases = jdbc.queryForObject("select count(*) from minqing.case_record", Long.class);
            // a villager's report in every other way sound (it was filed, titled "123")
            for (String title : List.of("123", "1.5", "true", "false", "{}", "[\"a\"]")) {
                String body = "{\"title\":" + title + ",\"description\":\"三组自来水停了三天\",\"category\":\"water\"}";
                assertProblem(raw("POST", "/api/cases", villager, "application/json", body, Map.of()), 400, "title");
            }
            assertProblem(raw("POST", "/api/cases/QS-0/notes", admin, "application/json", "{\"note\":42}", Map.of()), 400, "note");
            // every wrong field of one body is named, not only the first Jackson stopped at; a wrong number after them too
            HttpResponse<String> several = raw("POST", "/api/cases", villager, "application/json",
                    "{\"title\":1,\"description\":true,\"category\":\"water\",\"address\":\"三组\\u0001\"}", Map.of());
            assertProblem(several, 400, null);
            assertThat(json.readTree(several.body()).path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("title", "description", "address");
            assertThat(jdbc.queryForObject("select count(*) from minqing.case_record", Long.class)).as("no case stored").isEqualTo(cases);
            // the fields that take a number on purpose still do; true is still no number of days
            String plan = "{\"title\":\"饮水\",\"problem\":\"停水\",\"source\":\"finding\",\"milestones\":[{\"title\":\"摸排\",\"due\":true}]}";
            HttpResponse<String> refused = raw("POST", "/api/plans", admin, "application/json", plan, Map.of());
            assertProblem(refused, 400, "milestones[0].due");
        } finally {
            as("admin").delete("/api/tokens");
            as("villager1").delete("/api/tokens");
        }
    }

    /**
     * 12th session: a wrong value of any other kind (text where a number, true/false, a date belongs; an object where
     * a list or text belongs) stopped the reading, so a body with several wrong fields named only the first.
     */
    @Test
    void wrongValuesOfMixedKindsAreAllNamedInOneRefusalAndNothingIsStored() throws Exception {
        String admin = post("admin", "/api/tokens", Map.of("name", "mend12")).getBody().get("token").asText();
        String villager = post("villager1", "/api/tokens", Map.of("name", "mend12")).getBody().get("token").asText();
        String grid = post("grid1", "/api/tokens", Map.of("name", "mend12")).getBody().get("token").asText();
        try {
            // filing: an object for the title, text for a number and for true/false
            long cases = jdbc.queryForObject("select count(*) from minqing.case_record", Long.class);
            HttpResponse<String> filing = raw("POST", "/api/cases", villager, "application/json",
                    "{\"title\":{\"a\":1},\"description\":\"三组自来水停了三天\",\"category\":\"water\",\"lat\":\"abc\",\"anonymous\":\"yes\"}", Map.of());
            assertFields(filing, "title", "lat", "anonymous");
            assertThat(jdbc.queryForObject("select count(*) from minqing.case_record", Long.class)).as("no case stored").isEqualTo(cases);

            // a task completion with typed variables: text for the cost, an object for the list, text for a day count
            String number = file("villager1", "多处错误测试", "多处错误测试：路灯坏了", "road");
            String task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0).get("id").asText();
            HttpResponse<String> completion = raw("POST", "/api/tasks/" + task + "/complete", grid, "application/json",
                    "{\"outcome\":\"accept\",\"cost\":\"abc\",\"departments\":{\"a\":1},\"coDays\":{\"x\":\"three\"}}", Map.of());
            assertFields(completion, "cost", "departments", "coDays.x");
            assertThat(get("villager1", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("received");
            // one wrong field is named alone, as before
            assertFields(raw("POST", "/api/tasks/" + task + "/complete", grid, "application/json",
                    "{\"outcome\":\"accept\",\"cost\":\"abc\"}", Map.of()), "cost");

            // an admin endpoint: text for a number and for true/false, an object where a list belongs
            String category = get("admin", "/api/admin/categories/water").getBody().toString();
            HttpResponse<String> edit = raw("PUT", "/api/admin/categories/water", admin, "application/json",
                    "{\"nameZh\":\"饮水改名\",\"sort\":\"abc\",\"active\":\"yes\",\"questions\":{}}", Map.of());
            assertFields(edit, "sort", "active", "questions");
            assertThat(get("admin", "/api/admin/categories/water").getBody().toString()).as("category kept").isEqualTo(category);

            // an impossible date and text for a number in one visit
            long visits = jdbc.queryForObject("select count(*) from minqing.visit", Long.class);
            assertFields(raw("POST", "/api/visits", admin, "application/json",
                    "{\"household\":\"abc\",\"visitedAt\":\"2026-13-45\",\"met\":\"户主\",\"needs\":[]}", Map.of()),
                    "household", "visitedAt");
            // a fraction where a whole number belongs is named with the rest too
            assertFields(raw("POST", "/api/visits", admin, "application/json",
                    "{\"household\":1.5,\"visitedAt\":\"2026-01-01T00:00:00Z\",\"met\":\"户主\",\"lat\":\"abc\",\"needs\":{}}", Map.of()),
                    "household", "lat", "needs");
            assertThat(jdbc.queryForObject("select count(*) from minqing.visit", Long.class)).as("no visit stored").isEqualTo(visits);
        } finally {
            as("admin").delete("/api/tokens");
            as("villager1").delete("/api/tokens");
            as("grid1").delete("/api/tokens");
        }
    }

    private void assertFields(HttpResponse<String> response, String... fields) throws Exception {
        assertProblem(response, 400, null);
        assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field")).as(response.body())
                .containsExactlyInAnyOrder(fields);
    }

    /** 11th session: Spring's own refusals carried its English ("Method 'PUT' is not supported."). */
    @Test
    void wrongMethodAndMediaTypeAreRefusedInTheProjectsWordsKeepingTheirHeaders() throws Exception {
        String admin = post("admin", "/api/tokens", Map.of("name", "mend11")).getBody().get("token").asText();
        try {
            HttpResponse<String> method = raw("PUT", "/api/me", admin, "application/json", "{}", Map.of());
            assertProblem(method, 405, null);
            assertThat(method.headers().firstValue("Allow").orElse("")).contains("GET");
            assertThat(json.readTree(method.body()).get("detail").asText()).contains("PUT", "GET").containsPattern("\\p{IsHan}")
                    .doesNotContain("not supported");
            HttpResponse<String> english = raw("PUT", "/api/me", admin, "application/json", "{}", Map.of("Accept-Language", "en"));
            assertThat(json.readTree(english.body()).get("detail").asText()).doesNotContainPattern("\\p{IsHan}").contains("PUT");

            HttpResponse<String> type = raw("POST", "/api/cases", admin, "text/plain", "x", Map.of());
            assertProblem(type, 415, null);
            assertThat(type.headers().firstValue("Accept").orElse("")).contains("application/json");
            assertThat(json.readTree(type.body()).get("detail").asText()).contains("text/plain").containsPattern("\\p{IsHan}")
                    .doesNotContain("not supported");

            HttpResponse<String> accept = raw("GET", "/api/me", admin, null, null, Map.of("Accept", "application/pdf"));
            assertProblem(accept, 406, null);
            assertThat(json.readTree(accept.body()).get("detail").asText()).containsPattern("\\p{IsHan}").doesNotContain("Acceptable representations");
        } finally {
            as("admin").delete("/api/tokens");
        }
    }

    private HttpResponse<String> raw(String method, String path, String bearer, String contentType, String body,
                                     Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        String what = response.request().method() + " " + abbreviate(response.request().uri().toString()) + " -> " + abbreviate(response.body());
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        assertThat(response.body()).as(what).doesNotContainPattern(LEAK.pattern());
        if (field != null) {
            assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field")).as(what).contains(field);
        }
    }

    private void exercise(String method, String template, JsonNode op, JsonNode docs) {
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        for (JsonNode p : params) {
            for (String bad : BAD_VALUES) {
                Map<String, String> values = saneValues(params);
                values.put(p.get("name").asText(), bad);
                call(method, template, values, params, null, null);
            }
        }
        JsonNode body = op.path("requestBody").path("content");
        if (body.has("application/json")) {
            JsonNode schema = resolve(body.get("application/json").path("schema"), docs);
            Map<String, String> sane = saneValues(params);
            call(method, template, sane, params, "application/json", "{");
            call(method, template, sane, params, "application/json", "\"\u0000\"");
            call(method, template, sane, params, "text/plain", "x");
            call(method, template, sane, params, "application/json", schema.path("type").asText().equals("array") ? "{\"a\":1}" : "[1]");
            schema.path("properties").fields().forEachRemaining(prop -> {
                for (String wrong : wrongValues(resolve(prop.getValue(), docs))) {
                    call(method, template, sane, params, "application/json", "{\"" + prop.getKey() + "\":" + wrong + "}");
                }
            });
        }
        if (body.has("multipart/form-data")) {
            Map<String, String> sane = saneValues(params);
            call(method, template, sane, params, "application/json", "{\"file\":\"x\"}");
            call(method, template, sane, params, "multipart/form-data; boundary=zz", "--zz\r\nbroken");
        }
    }

    private List<String> wrongValues(JsonNode schema) {
        String huge = "\"" + "长".repeat(20_000) + "\"";
        return switch (schema.path("type").asText()) {
            case "string" -> List.of("{\"x\":1}", "[1,2]", huge, "\"\u0000\"", "\"2026-13-45T99:99\"");
            case "integer", "number" -> List.of("\"abc\"", "1e400", "-99999999999999999999", "{}", "true");
            case "boolean" -> List.of("\"maybe\"", "2", "[]");
            case "array" -> List.of("\"x\"", "{\"a\":1}", "[" + huge + "]", "[{\"x\":[]}]");
            default -> List.of("\"x\"", "[1]", "1", huge);
        };
    }

    private JsonNode resolve(JsonNode schema, JsonNode docs) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : docs.at(ref.substring(1));
    }

    private Map<String, String> saneValues(List<JsonNode> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode p : params) {
            if (p.path("required").asBoolean() || p.path("in").asText().equals("path")) {
                String type = p.path("schema").path("type").asText();
                values.put(p.get("name").asText(), type.equals("integer") || type.equals("number") ? "1" : type.equals("boolean") ? "true" : "x");
            }
        }
        return values;
    }

    private void call(String method, String template, Map<String, String> values, List<JsonNode> params,
                      String contentType, String body) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : params) {
            String name = p.get("name").asText();
            if (!values.containsKey(name)) {
                continue;
            }
            String encoded = URLEncoder.encode(values.get(name), StandardCharsets.UTF_8);
            switch (p.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", encoded.isEmpty() ? "%20" : encoded);
                case "query" -> query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(encoded);
                case "header" -> { }
                default -> { }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        for (JsonNode p : params) {
            String name = p.get("name").asText();
            if (p.path("in").asText().equals("header") && values.containsKey(name)) {
                request.header(name, values.get(name).replace("\u0000", "").replace("\r", "").replace("\n", ""));
            }
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        check(method + " " + path + query + (body == null ? "" : " body " + abbreviate(body)), request.build());
    }

    private void headers() {
        for (String xff : List.of("x".repeat(70), "1.2.3.4, 5.6.7.8, " + "9".repeat(60), "not-an-address", "::::::")) {
            check("X-Forwarded-For " + xff, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/x/notes"))
                    .header("Authorization", "Bearer " + token).header("X-Forwarded-For", xff)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"x\"}")).build());
        }
        check("Idempotency-Key huge", HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", "k".repeat(500))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    private void check(String what, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            sent++;
            int status = response.statusCode();
            if (status >= 500) {
                failures.add(status + " " + what + " -> " + abbreviate(response.body()));
            } else if (status >= 400 && LEAK.matcher(response.body()).find()) {
                failures.add("leak " + status + " " + what + " -> " + abbreviate(response.body()));
            }
        } catch (Exception e) {
            failures.add("no answer " + what + ": " + e);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

}
