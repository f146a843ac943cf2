package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page's POST without its CSRF token is refused, even from a signed-in browser session: another site cannot
 * make a cadre's browser add a note or complete a task. The API ignores the page session altogether.
 */
class CsrfTest extends ApiTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPagePostWithoutItsTokenIsRefused() throws Exception {
        String number = file("villager1", "跨站请求测试", "跨站请求测试：路灯坏了", "road");
        String session = signIn("grid1");
        HttpResponse<String> page = send(page("/workbench/cases/" + number, session));
        assertThat(page.statusCode()).isEqualTo(200);
        String token = token(page.body());

        HttpResponse<String> forged = send(post("/workbench/cases/" + number + "/notes", session, Map.of("note", "伪造的备注")));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = send(post("/workbench/cases/" + number + "/notes", session,
                Map.of("note", "伪造的备注", "_csrf", "not-the-token")));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> real = send(post("/workbench/cases/" + number + "/notes", session,
                Map.of("note", "真实的备注", "_csrf", token)));
        assertThat(real.statusCode()).isEqualTo(302);

        assertThat(get("grid1", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("note"))
                .contains("真实的备注").doesNotContain("伪造的备注");
    }

    @Test
    void theApiDoesNotTakeThePageSession() throws Exception {
        String number = file("villager1", "跨站请求测试二", "跨站请求测试：水渠堵了", "irrigation");
        String session = signIn("grid1");
        HttpResponse<String> viaSession = send(HttpRequest.newBuilder(uri("/api/cases/" + number + "/notes"))
                .header("Cookie", session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"借会话的备注\"}")).build());
        assertThat(viaSession.statusCode()).isEqualTo(401);
    }

    @Test
    void signingInItselfNeedsTheToken() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "grid1", "password", PASSWORD)))).build());
        assertThat(login.statusCode()).isEqualTo(403);
    }

    private String signIn(String user) throws Exception {
        HttpResponse<String> loginPage = send(page("/login", null));
        String cookie = cookie(loginPage);
        HttpResponse<String> signedIn = send(post("/login", cookie,
                Map.of("username", user, "password", PASSWORD, "_csrf", token(loginPage.body()))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(signedIn);
    }

    private HttpRequest page(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        return (cookie == null ? b : b.header("Cookie", cookie)).build();
    }

    private HttpRequest post(String path, String cookie, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri(path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }
}
