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

    @Autowired
    protected TestRestTemplate rest;

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
        org.springframework.util.LinkedMultiValueMap<String, Object> body = new org.springframework.util.LinkedMultiValueMap<>();
        body.add("file", new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return as(username).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Files a valid report as a villager and returns its number. */
    protected String file(String villager, String title, String description, String category) {
        ResponseEntity<JsonNode> response = post(villager, "/api/cases",
                Map.of("title", title, "description", description, "category", category));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("number").asText();
    }

    /** Polls until the condition holds or the time is up; returns the last answer. */
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
        return last;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
