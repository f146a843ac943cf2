package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.RawAnswers;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code @*Mapping} of Minqing, read from the running app's handler mappings (so a new endpoint is swept
 * without anyone listing it), called with malformed requests, as the first demo role let past its door: junk path
 * variables ({@code ../}, very long, overflowing, lone surrogates), junk query parameters (negative, 10^9, 2^63,
 * 1e400, bad dates, 100 KB, control characters, duplicates, page=-1, size=10^9, sort=junk), bodies that are not
 * JSON, of the wrong shape, all-null, with each field of the wrong type, unknown enum, overflowing, over-long or a
 * lone surrogate, the wrong content type, an empty body, the wrong method, broken multipart and a junk
 * Idempotency-Key. No answer may be a 5xx; no refusal may carry SQL, a class name, a stack trace or a server path;
 * refusals under {@code /api/} are {@code application/problem+json}; and no table of Minqing grows from them. An
 * endpoint that takes an uploaded file also gets uploads cut short and one over the size limit.
 */
class EndpointSweepTest extends ApiTest {

    /** Operations whose malformed calls could still do something drastic, left to their own tests. */
    static final Set<String> SKIPPED = Set.of("POST /api/admin/search/rebuild", "DELETE /api/tokens", "POST /logout");
    static final List<String> ROLES = List.of("admin", "leader1", "county1", "township1", "grid1", "villager1",
            "dangyuan-QS01001-1");
    static final String LONG = "长".repeat(100_000);
    static final List<String> JUNK_PATH = List.of("abc", "..%2F..%2Fetc%2Fpasswd", "-1", "9223372036854775808",
            "1e400", "x".repeat(5000), "%ED%A0%80", "%01%1F", "%C0%AE%C0%AE", "%25", "2026-02-30", "0");
    static final List<String> JUNK_QUERY = List.of("", "-1", "1000000000", "9223372036854775808", "1e400", "NaN",
            "no-such-value", "2026-02-30", "2026-13-45T99:99", "+999999999-12-31", "\u0001\u001f", "\ud800",
            "x".repeat(100_000), "../../etc/passwd", "[]", "{}");
    static final Pattern LEAK = Pattern.compile("(?i)(org\\.[a-z]|java\\.[a-z]|exception|\\bsql|select .* from|insert into|"
            + "update minqing|error:|/work/|/tmp/|at cn\\.|caused by|postgres|elasticsearch\\.|apache tomcat|jackson)");
    /** Tables a refused request may still write: who asked (audit), throttling, tokens, the demo's own churn. */
    static final Set<String> MAY_GROW = Set.of("audit_log", "login_throttle", "api_token", "flyway_schema_history",
            "event_publication", "search_outbox", "request_rate");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The sweep's own client address: a wrong current password it sends throttles this address, not the loopback. */
    final String address = newAddress();
    final List<String> failures = new ArrayList<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    final List<String> accepted = new ArrayList<>();
    final List<String> everyAccepted = new ArrayList<>();
    List<String> tables;
    int sent;
    int endpoints;

    @Test
    void everyMappedEndpointRefusesMalformedRequestsCleanly() throws Exception {
        for (String role : ROLES) {
            tokens.put(role, post(role, "/api/tokens", Map.of("name", "sweep")).getBody().get("token").asText());
        }
        tables = jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'minqing' "
                + "and table_type = 'BASE TABLE'", String.class).stream().filter(t -> !MAY_GROW.contains(t))
                // the statistics' day and month rollups, kept by triggers and the scheduled rollup whatever is asked
                .filter(t -> !t.startsWith("case_day_") && !t.startsWith("case_month_")).toList();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getName().startsWith("cn.minqing.")) {
                sweep(info, handler);
            }
        });
        for (String role : ROLES) {
            as(role).delete("/api/tokens");
        }
        System.out.println("EndpointSweepTest: " + endpoints + " endpoints, " + sent + " requests, " + failures.size() + " failures");
        failures.forEach(f -> System.out.println("  " + f));
        System.out.println("Accepted (2xx) by endpoints that wrote rows, for review:");
        accepted.forEach(a -> System.out.println("  " + a));
        System.out.println("Every accepted (2xx) request other than GET:");
        everyAccepted.forEach(a -> System.out.println("  " + a));
        assertThat(endpoints).isGreaterThan(150);
        assertThat(failures).isEmpty();
    }

    private void sweep(RequestMappingInfo info, HandlerMethod handler) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
            for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                if (!SKIPPED.contains(m.name() + " " + pattern)) {
                    endpoints++;
                    Map<String, Long> before = tableSizes();
                    Endpoint endpoint = new Endpoint(m.name(), pattern, handler);
                    endpoint.sweep();
                    Map<String, Long> after = tableSizes();
                    after.forEach((table, rows) -> {
                        if (rows > before.getOrDefault(table, 0L)) {
                            if (endpoint.accepted.isEmpty()) { // every request refused, yet something was stored
                                failures.add("table " + table + " grew from " + before.get(table) + " to " + rows + " under "
                                        + m.name() + " " + pattern + ", which accepted nothing");
                            } else {
                                accepted.add(table + " +" + (rows - before.get(table)) + " by " + endpoint.accepted);
                            }
                        }
                    });
                }
            }
        }
    }

    /** One method on one path pattern, with what its handler reads. */
    final class Endpoint {
        final String method;
        final String pattern;
        final List<String> pathVariables = new ArrayList<>();
        final Map<String, Class<?>> queryParameters = new LinkedHashMap<>();
        final List<String> headers = new ArrayList<>();
        Type body;
        /** The handler takes an uploaded file: swept with uploads cut short and over the size limit too. */
        boolean upload;
        String token;
        final List<String> accepted = new ArrayList<>();

        Endpoint(String method, String pattern, HandlerMethod handler) {
            this.method = method;
            this.pattern = pattern;
            Matcher variables = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}").matcher(pattern);
            while (variables.find()) {
                pathVariables.add(variables.group(1));
            }
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                upload |= p.getParameterType().getName().contains("MultipartFile");
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                RequestHeader header = p.getParameterAnnotation(RequestHeader.class);
                if (param != null && !Map.class.isAssignableFrom(p.getParameterType())
                        && !p.getParameterType().getName().contains("MultipartFile")) {
                    queryParameters.put(name(param.name(), param.value(), p), p.getParameterType());
                } else if (header != null) {
                    headers.add(name(header.name(), header.value(), p));
                } else if (p.hasParameterAnnotation(RequestBody.class)) {
                    body = p.getGenericParameterType();
                }
            }
        }

        private static String name(String name, String value, MethodParameter p) {
            return !name.isEmpty() ? name : !value.isEmpty() ? value : p.getParameterName();
        }

        void sweep() {
            for (String stranger : new String[] {null, "mq_no-such-token"}) {
                token = stranger;
                send(path(Map.of()), saneQuery(), null, null, Map.of());
            }
            token = firstRoleLetIn();
            for (String variable : pathVariables) {
                for (String junk : JUNK_PATH) {
                    send(path(Map.of(variable, junk)), saneQuery(), null, null, Map.of());
                }
            }
            for (Map.Entry<String, Class<?>> parameter : queryParameters.entrySet()) {
                for (String junk : JUNK_QUERY) {
                    Map<String, String> query = saneQuery();
                    query.put(parameter.getKey(), junk);
                    send(path(Map.of()), query, null, null, Map.of());
                }
                send(path(Map.of()), saneQuery(), null, null, Map.of()); // missing or sane, not junk
                String twice = encode(parameter.getKey()) + "=1&" + encode(parameter.getKey()) + "=abc";
                send(path(Map.of()) + "?" + twice, Map.of(), null, null, Map.of());
            }
            send(path(Map.of()), Map.of("page", "-1", "size", "1000000000", "sort", "junk;drop", "limit", "-5"), null, null, Map.of());
            for (String header : headers) {
                for (String junk : List.of("k".repeat(10_000), "a,b", "../../x", "%00", "x y")) {
                    send(path(Map.of()), saneQuery(), "application/json", "{", Map.of(header, junk));
                }
            }
            if (body != null) {
                bodies();
            }
            if (!method.equals("GET")) {
                send(path(Map.of()), saneQuery(), "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nbroken", Map.of());
                send(path(Map.of()), saneQuery(), "application/x-www-form-urlencoded", "a=%ZZ&b=%ED%A0%80&&=", Map.of());
            }
            if (upload) {
                uploads();
            }
            String other = method.equals("PATCH") ? "PUT" : "PATCH";
            send(path(Map.of()), saneQuery(), null, null, Map.of("X-Method", other));
        }

        /**
         * A whole file part followed by a part cut off, a part without a name, a file part cut off, and 80 MB announced
         * (over the 70 MB a request may have) with none of it sent: each refused, nothing stored (mend11).
         */
        private void uploads() {
            String file = "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n";
            String type = "multipart/form-data; boundary=zz";
            send(path(Map.of()), saneQuery(), type, file + "\u0089PNG\r\n--zz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n半截", Map.of(), true);
            send(path(Map.of()), saneQuery(), type, "--zz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--zz--\r\n", Map.of(), true);
            send(path(Map.of()), saneQuery(), type, file + "\u0089PNG\r\n\u001a\n\u0000\u0000", Map.of(), true);
            StringBuilder url = new StringBuilder(path(Map.of()));
            saneQuery().forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(encode(k)).append('=').append(encode(v)));
            String what = method + " " + url + " [80 MB announced]";
            String answer = announced(method + " " + url + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "X-Forwarded-For: " + address
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: " + 80L * 1024 * 1024 + "\r\nConnection: close\r\n\r\n");
            sent++;
            if (answer == null || !answer.startsWith("HTTP/1.1 ")) {
                failures.add("no answer: " + what);
                return;
            }
            int status = Integer.parseInt(answer.substring(9, 12));
            String headers = answer.contains("\r\n\r\n") ? answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase() : answer;
            String body = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
            if (status < 300) { // a page's door may send a stranger to the sign-in page (302)
                failures.add("accepted " + status + " " + what);
            } else if (status >= 500) {
                failures.add(status + " " + what + " -> " + abbreviate(body, 300));
            } else if (LEAK.matcher(body).find()) {
                failures.add("leak " + status + " " + what + " -> " + abbreviate(body, 300));
            } else if (url.toString().startsWith("/api/") && !headers.contains("content-type: application/problem+json")) {
                failures.add("not problem+json " + status + " " + what + " -> " + abbreviate(body, 200));
            }
        }

        /** A request written by hand (a length no client library sends without the bytes); the answer, or null. */
        private String announced(String request) {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                return RawAnswers.answerOf(socket.getInputStream());
            } catch (java.io.IOException e) {
                return null;
            }
        }

        private void bodies() {
            Map<String, String> query = saneQuery();
            String path = path(Map.of());
            for (String raw : List.of("{", "", "null", "[1]", "\"x\"", "1e400", "{\"a\":", "\"\\ud800\"", "{\"\u0000\":1}")) {
                send(path, query, "application/json", raw, Map.of(), true);
            }
            send(path, query, "text/plain", "x", Map.of(), true);
            send(path, query, "application/xml", "<a/>", Map.of(), true);
            send(path, query, null, "{}", Map.of());
            JavaType type = objectMapper.getTypeFactory().constructType(body);
            if (type.isCollectionLikeType() || type.isMapLikeType() || type.getRawClass().getName().startsWith("java.")) {
                send(path, query, "application/json", "{\"a\":{\"b\":null}}", Map.of());
                send(path, query, "application/json", "[null,[null],{\"x\":null}]", Map.of());
                return;
            }
            Map<String, String> sane = new LinkedHashMap<>();
            BeanDescription bean = objectMapper.getDeserializationConfig().introspect(type);
            for (BeanPropertyDefinition property : bean.findProperties()) {
                sane.put(property.getName(), saneJson(property.getPrimaryType()));
            }
            Map<String, String> nulls = new LinkedHashMap<>();
            sane.keySet().forEach(k -> nulls.put(k, "null"));
            send(path, query, "application/json", object(nulls), Map.of());
            for (BeanPropertyDefinition property : bean.findProperties()) {
                JavaType propertyType = property.getPrimaryType();
                for (String wrong : wrongJson(propertyType)) {
                    Map<String, String> fields = new LinkedHashMap<>(sane);
                    fields.put(property.getName(), wrong);
                    send(path, query, "application/json", object(fields), Map.of(), malformed(wrong, propertyType));
                }
            }
        }

        private String firstRoleLetIn() {
            for (String role : ROLES) {
                HttpResponse<String> answer = exchange(request(path(Map.of()), saneQuery(), body != null ? "application/json" : null, body != null ? "{" : null,
                        tokens.get(role), body != null ? "application/json" : null, Map.of()));
                if (answer != null && answer.statusCode() != 401 && answer.statusCode() != 403) {
                    return tokens.get(role);
                }
            }
            return tokens.get("admin");
        }

        private String path(Map<String, String> junk) {
            String path = pattern;
            for (String variable : pathVariables) {
                String value = junk.getOrDefault(variable, "999999999");
                path = path.replaceAll("\\{\\*?" + Pattern.quote(variable) + "(:[^}]*)?}", Matcher.quoteReplacement(value));
            }
            return path;
        }

        private Map<String, String> saneQuery() {
            Map<String, String> query = new LinkedHashMap<>();
            queryParameters.forEach((name, type) -> query.put(name, saneText(type)));
            return query;
        }

        private void send(String path, Map<String, String> query, String contentType, String body, Map<String, String> headers) {
            send(path, query, contentType, body, headers, false);
        }

        /** With {@code mustRefuse}, a 2xx is a failure too: the request is malformed by any reading. */
        private void send(String path, Map<String, String> query, String contentType, String body, Map<String, String> headers,
                          boolean mustRefuse) {
            String what = (headers.containsKey("X-Method") ? headers.get("X-Method") : method) + " " + path
                    + (query.isEmpty() ? "" : " " + abbreviate(query.toString(), 200))
                    + (body == null ? "" : " [" + contentType + "] " + abbreviate(body, 200))
                    + (headers.isEmpty() ? "" : " " + abbreviate(headers.toString(), 100));
            HttpRequest request;
            try {
                request = request(path, query, contentType, body, token, contentType, headers);
            } catch (IllegalArgumentException e) {
                return; // a request Java's client will not send (an invalid URI or header)
            }
            HttpResponse<String> response = exchange(request);
            sent++;
            if (response == null) {
                failures.add("no answer: " + what);
                return;
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (mustRefuse && status < 300) {
                failures.add("accepted " + status + " " + what + " -> " + abbreviate(response.body(), 200));
            }
            if (status < 300 && !method.equals("GET")) {
                accepted.add(abbreviate(what, 160));
                everyAccepted.add(status + " " + abbreviate(what, 200));
            }
            if (status >= 500) {
                failures.add(status + " " + what + " -> " + abbreviate(response.body(), 300));
            } else if (status >= 400 && LEAK.matcher(response.body()).find()) {
                failures.add("leak " + status + " " + what + " -> " + abbreviate(response.body(), 300));
            } else if (status >= 400 && path.startsWith("/api/") && !type.startsWith("application/problem+json")) {
                failures.add("not problem+json " + status + " " + type + " " + what + " -> " + abbreviate(response.body(), 200));
            }
        }

        private HttpRequest request(String path, Map<String, String> query, String contentType, String body, String bearer,
                                    String ignored, Map<String, String> headers) {
            StringBuilder url = new StringBuilder("http://localhost:" + port + path);
            query.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(encode(k)).append('=').append(v.equals("\ud800") ? "%ED%A0%80" : encode(v)));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(60))
                    .header("X-Forwarded-For", address);
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            headers.forEach((k, v) -> {
                if (!k.equals("X-Method")) {
                    request.header(k, v);
                }
            });
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            String verb = headers.getOrDefault("X-Method", method);
            return request.method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static String saneText(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "1";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true";
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        } else if (type == java.time.LocalDate.class) {
            return "2026-01-01";
        } else if (type == java.time.YearMonth.class) {
            return "2026-01";
        } else if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "2026-01-01T00:00:00Z";
        }
        return "x";
    }

    private String saneJson(JavaType type) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "[]";
        } else if (type.isMapLikeType()) {
            return "{}";
        }
        String text = saneText(type.getRawClass());
        return type.getRawClass() == String.class || type.isEnumType() || text.contains("-") ? "\"" + text + "\"" : text.equals("x") ? "{}" : text;
    }

    private static List<String> wrongJson(JavaType type) {
        List<String> wrong = new ArrayList<>(List.of("null", "[null]", "{\"x\":null}"));
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            wrong.addAll(List.of("\"" + LONG + "\"", "\"\\u0001\\u0000\"", "\"\\ud800\"", "123", "true"));
        } else if (Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class) {
            wrong.addAll(List.of("\"abc\"", "9223372036854775808", "-1", "1e400", "-1e400", "1.5", "\"\"", "1000000000"));
        } else if (raw.isEnum()) {
            wrong.addAll(List.of("\"NO_SUCH_VALUE\"", "\"\"", "7"));
        } else if (java.time.temporal.Temporal.class.isAssignableFrom(raw)) {
            wrong.addAll(List.of("\"2026-02-30\"", "\"2026-13-45T99:99\"", "\"+999999999-12-31\"", "1e400"));
        } else if (type.isCollectionLikeType()) {
            wrong.addAll(List.of("\"x\"", "[\"" + LONG + "\"]", "[[[[[[]]]]]]", "[" + "1,".repeat(20_000) + "1]"));
        } else if (raw == boolean.class || raw == Boolean.class) {
            wrong.addAll(List.of("\"maybe\"", "2"));
        } else {
            wrong.addAll(List.of("\"x\"", "1"));
        }
        return wrong;
    }

    /** Values no reading of the field's type can take (null, -1, 1.5, 10^9, 123 for text may be fine). */
    private static boolean malformed(String wrong, JavaType type) {
        boolean scalar = !type.isContainerType() && (type.getRawClass().getName().startsWith("java.") || type.isPrimitive()
                || type.isEnumType());
        return wrong.length() > 50_000 || wrong.contains("\\u0000") || wrong.contains("\\ud800")
                || List.of("\"abc\"", "1e400", "-1e400", "\"NO_SUCH_VALUE\"", "\"maybe\"", "\"2026-02-30\"",
                        "\"2026-13-45T99:99\"").contains(wrong)
                || scalar && List.of("[null]", "{\"x\":null}").contains(wrong);
    }

    private static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    /** The row count of every table of Minqing but those a refusal may still write, in one statement. */
    private Map<String, Long> tableSizes() {
        Map<String, Long> sizes = new TreeMap<>();
        String counts = tables.stream().map(t -> "select '" + t + "', count(*) from minqing.\"" + t + "\"")
                .reduce((a, b) -> a + " union all " + b).orElseThrow();
        jdbc.query(counts, (java.sql.ResultSet r) -> {
            sizes.put(r.getString(1), r.getLong(2));
        });
        return sizes;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace("\n", " ");
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }
}
