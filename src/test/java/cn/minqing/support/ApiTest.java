package cn.minqing.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Base of the tests that drive the running app over HTTP, as the demo users, on real servers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    protected static final String PASSWORD = "minqing";

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger((int) (System.nanoTime() % 60_000));
    private static final java.util.concurrent.atomic.AtomicLong PHONES =
            new java.util.concurrent.atomic.AtomicLong(15800000000L + System.nanoTime() % 10_000_000);

    @Autowired
    protected TestRestTemplate rest;

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    protected int port;

    protected TestRestTemplate as(String username) {
        return rest.withBasicAuth(username, PASSWORD);
    }

    protected ResponseEntity<JsonNode> get(String username, String path) {
        return as(username).getForEntity(path, JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String username, String path, Object body) {
        return post(username, path, body, new HttpHeaders());
    }

    protected ResponseEntity<JsonNode> post(String username, String path, Object body, HttpHeaders headers) {
        return as(username).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Posts one file as multipart form data (field "file"), as a browser's upload does. */
    protected ResponseEntity<JsonNode> postFile(String username, String path, String fileName, byte[] bytes) {
        return as(username).exchange(path, HttpMethod.POST, upload(fileName, bytes), JsonNode.class);
    }

    /** One file as a multipart form body (field "file"). */
    protected static HttpEntity<?> upload(String fileName, byte[] bytes) {
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("file", new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    /** Completes the one open task of {@code stage} that {@code user} holds on the case; fails unless it is done. */
    protected void completeStage(String user, String number, String stage, Map<String, Object> form) {
        for (JsonNode t : get(user, "/api/tasks?caseNumber=" + number).getBody()) {
            if (t.get("stage").asText().equals(stage)) {
                ResponseEntity<JsonNode> done = post(user, "/api/tasks/" + t.get("id").asText() + "/complete", form);
                assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError(user + " has no " + stage + " task for " + number);
    }

    /** A client address of its own (198.18.0.0/15, for benchmarks), so that per-address limits meet only this test. */
    protected static String newAddress() {
        int n = ADDRESSES.incrementAndGet() % 65_536;
        return "198.18." + (n / 256) + "." + (n % 256);
    }

    /** A mobile number nobody has registered. */
    protected static String newPhone() {
        return String.valueOf(PHONES.incrementAndGet());
    }

    /** Headers of a request that comes, through the trusted loopback proxy, from {@code address}. */
    protected static HttpHeaders from(String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        return headers;
    }

    /** A GET signed in with HTTP Basic, from a client address. */
    protected ResponseEntity<JsonNode> getFrom(String address, String username, String password, String path) {
        return rest.withBasicAuth(username, password).exchange(path, HttpMethod.GET, new HttpEntity<>(from(address)), JsonNode.class);
    }

    /** Registers a villager (self sign-up) from a fresh address; returns the user name. */
    protected String registerVillager(String password, String villageCode) {
        String phone = newPhone();
        ResponseEntity<JsonNode> created = rest.exchange("/api/register", HttpMethod.POST, new HttpEntity<>(Map.of("phone", phone,
                "password", password, "displayName", "测试村民", "villageCode", villageCode), from(newAddress())), JsonNode.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return phone;
    }

    /** A browser-like session (cookies, CSRF, no redirects followed) from a client address. */
    protected WebSession webSession(String address) {
        return new WebSession(port, address);
    }

    /** Files a valid report as a villager and returns its number. */
    protected String file(String villager, String title, String description, String category) {
        ResponseEntity<JsonNode> response = post(villager, "/api/cases",
                Map.of("title", title, "description", description, "category", category));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("number").asText();
    }

    /**
     * Polls GET {@code path} as {@code username} until the answer meets the condition and returns that answer;
     * fails with an AssertionError naming the request and its last answer when the time is up.
     */
    protected JsonNode await(Duration limit, String username, String path, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode last;
        do {
            last = get(username, path).getBody();
            if (last != null && condition.test(last)) {
                return last;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        String answer = String.valueOf(last);
        throw new AssertionError("waited " + limit.toSeconds() + " s for GET " + path + " as " + username
                + " to meet the condition; last answer: " + (answer.length() > 2000 ? answer.substring(0, 2000) + " …" : answer));
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
