package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.MinqingApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app as deployed: no demo mode, its own fresh PostgreSQL (the shared one holds the demo county),
 * the test run's Elasticsearch under an alias of its own. Started from properties only, like the jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ProductionDefaultsTest {

    private static final String ADMIN_PASSWORD = "Qingshi-county-7319";
    private static final Pattern GENERATED = Pattern.compile("Generated password[^\\n]*\\n\\s*\\n\\s+(\\S{20})\\s*\\n");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private LocalPostgres postgres;
    private ConfigurableApplicationContext app;
    private String base;

    @BeforeAll
    void startWithAConfiguredAdminPassword() throws SQLException {
        postgres = LocalPostgres.scratch(Path.of("target/prod-defaults-postgres"));
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password())) {
            connection.createStatement().execute("create database generated");
        }
        app = start(postgres.jdbcUrl(), Map.of("minqing.admin.password", ADMIN_PASSWORD));
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void noDemoCountyOnlyTheAdministratorWithTheConfiguredPassword() throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select username from minqing.app_user").query(String.class).list()).containsExactly("admin");
        assertThat(jdbc.sql("select count(*) from minqing.region").query(Long.class).single()).isZero();
        assertThat(call("GET", "/api/me", "villager1", "minqing").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/me", "admin", "minqing").statusCode()).isEqualTo(401);
        HttpResponse<String> me = call("GET", "/api/me", "admin", ADMIN_PASSWORD);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("ADMIN");
    }

    @Test
    void healthDetailsOnlyForAdmins() throws Exception {
        JsonNode anonymous = json.readTree(call("GET", "/actuator/health", null, null).body());
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.size()).as(anonymous.toString()).isEqualTo(1);
        JsonNode admin = json.readTree(call("GET", "/actuator/health", "admin", ADMIN_PASSWORD).body());
        assertThat(admin.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(admin.at("/components/searchOutbox/details").has("backlog")).isTrue();
    }

    @Test
    void apiDocsNeedASignedInPerson() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/v3/api-docs", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        // the API's refusal, not Spring Boot's {timestamp, status, error, path} (11th session)
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(anonymous.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).containsPattern("\\p{IsHan}");
        assertThat(problem.has("timestamp") || problem.has("path")).as(anonymous.body()).isFalse();
        assertThat(call("GET", "/swagger-ui.html", null, null).statusCode()).isIn(302, 401);
        HttpResponse<String> signedIn = call("GET", "/v3/api-docs", "admin", ADMIN_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("/api/cases");
    }

    /** 12th session: wrong Basic credentials got the pages chain's bare 401 (Spring Boot's error body), not the API's. */
    @Test
    void apiDocsWithWrongCredentialsGetTheApisRefusal() throws Exception {
        HttpResponse<String> wrong = call("GET", "/v3/api-docs", "nobody-of-this-county", "not-a-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).as(wrong.body()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(wrong.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).containsPattern("\\p{IsHan}")
                .isNotEqualTo(json.readTree(call("GET", "/v3/api-docs", null, null).body()).get("detail").asText());
        assertThat(problem.has("timestamp") || problem.has("path")).as(wrong.body()).isFalse();
        // the pages keep their Basic challenge
        HttpResponse<String> page = call("GET", "/", "nobody-of-this-county", "not-a-password");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"Realm\""));
    }

    @Test
    void securityHeadersOnPagesAndApiResponses() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[] {call("GET", "/login", null, null),
                call("GET", "/api/me", "admin", ADMIN_PASSWORD), call("GET", "/api/me", null, null)}) {
            String what = response.request().uri() + " " + response.statusCode();
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'",
                            "object-src 'none'").doesNotContain("unsafe-eval"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
            // HSTS only over TLS: this is plain HTTP
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).isEmpty();
        }
    }

    @Test
    void errorBodiesCarryNoExceptionText() throws Exception {
        // Spring's error body: with server.error.include-message=always it would carry the exception's text
        // (SQL, parser messages); it must not carry a message, an exception or a trace at all
        JsonNode error = json.readTree(http.send(request("GET", "/error", "admin", ADMIN_PASSWORD)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(error.has("status")).as(error.toString()).isTrue();
        assertThat(error.has("message") || error.has("exception") || error.has("trace")).as(error.toString()).isFalse();
    }

    @Test
    void theAdminReachesCockpitWithTheAppsOwnSignIn() throws Exception {
        String engine = "/camunda/api/engine/engine/" + ENGINE;
        // no session, no Camunda login: the signed-in admin is Camunda's admin
        HttpResponse<String> count = call("GET", engine + "/process-definition/count", "admin", ADMIN_PASSWORD);
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        HttpResponse<String> cockpit = call("GET", "/camunda/app/cockpit/" + ENGINE + "/", "admin", ADMIN_PASSWORD);
        assertThat(cockpit.statusCode()).isEqualTo(200);
        String session = cockpit.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> user = http.send(request("GET", "/camunda/api/admin/auth/user/" + ENGINE, "admin",
                ADMIN_PASSWORD).header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        JsonNode who = json.readTree(user.body());
        assertThat(who.get("userId").asText()).isEqualTo("admin");
        assertThat(who.get("authorizedApps").toString()).contains("cockpit", "tasklist", "admin");
        assertThat(call("GET", engine + "/process-definition/count", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedAndPrintedOnlyOnce(CapturedOutput output) throws Exception {
        String url = postgres.jdbcUrl().replace("/postgres?", "/generated?");
        try (ConfigurableApplicationContext generated = start(url, Map.of())) {
            Matcher printed = GENERATED.matcher(output.getOut());
            assertThat(printed.find()).as(output.getOut()).isTrue();
            String password = printed.group(1);
            assertThat(output.getOut()).contains("WARN");
            String port = generated.getEnvironment().getProperty("local.server.port");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                    .header("Authorization", basic("admin", password)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            int before = output.getOut().length();
            generated.getBean("firstAdmin", ApplicationRunner.class).run(null); // what every later start runs
            assertThat(output.getOut().substring(before)).doesNotContain("Generated password").doesNotContain(password);
            assertThat(generated.getBean(JdbcClient.class).sql("select count(*) from minqing.app_user")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private static final String ENGINE = "prodtest";

    private static ConfigurableApplicationContext start(String jdbcUrl, Map<String, Object> extra) {
        SpringApplication application = new SpringApplication(MinqingApplication.class);
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.elasticsearch.uris", System.getProperty("spring.elasticsearch.uris"),
                "server.port", "0",
                "minqing.search.alias", "prodtest-cases", // the shared node's demo index stays untouched
                "minqing.data-dir", "target/prod-defaults-data",
                // its own engine name: Camunda keeps engines in a static registry shared with the other tests' app
                "camunda.bpm.process-engine-name", ENGINE,
                "camunda.bpm.job-execution.enabled", "false"));
        properties.put("logging.level.root", "warn");
        properties.put("logging.level.cn.minqing", "info");
        properties.putAll(extra);
        // as command-line arguments: they outrank the system properties that point the other tests at
        // the shared database
        return application.run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new));
    }

    private HttpResponse<String> call(String method, String path, String user, String password)
            throws IOException, InterruptedException {
        return http.send(request(method, path, user, password).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        return user == null ? request : request.header("Authorization", basic(user, password));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
