package cn.minqing.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.RawAnswers;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class AttachmentApiTest extends ApiTest {

    static final byte[] PNG = TestMedia.PNG;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttachmentStore store;

    @Test
    void aPhotoIsStoredCheckedAndServedOnlyToThoseWhoMaySeeTheCase() {
        String number = file("villager1", "路面塌陷", "村口路面塌陷一个大坑", "road");
        ResponseEntity<JsonNode> uploaded = upload("villager1", number, "坑.jpg", PNG);
        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        JsonNode a = uploaded.getBody();
        assertThat(a.get("kind").asText()).isEqualTo("photo");
        assertThat(a.get("contentType").asText()).as("judged by content, not the .jpg name").isEqualTo("image/png");
        assertThat(a.get("sha256").asText()).hasSize(64);

        String path = "/api/attachments/" + a.get("id").asLong();
        ResponseEntity<byte[]> mine = as("villager1").getForEntity(path, byte[].class);
        assertThat(mine.getStatusCode().value()).isEqualTo(200);
        assertThat(mine.getHeaders().getContentType().toString()).isEqualTo("image/png");
        assertThat(mine.getBody()).isEqualTo(PNG);
        assertThat(as("grid1").getForEntity(path, byte[].class).getStatusCode().value()).isEqualTo(200);
        assertThat(as("township1").getForEntity(path, byte[].class).getStatusCode().value()).isEqualTo(200);
        assertThat(as("villager2").getForEntity(path, byte[].class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("staff-QS02").getForEntity(path, byte[].class).getStatusCode().value()).isEqualTo(404);
        assertThat(get("villager1", "/api/cases/" + number + "/attachments").getBody().size()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotWhatItClaimsIsRefused() {
        String number = file("villager1", "假照片", "上传一个不是照片的文件", "other");
        ResponseEntity<JsonNode> refused = upload("villager1", number, "photo.jpg", "这不是照片".getBytes());
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("photo.jpg");
        assertThat(get("villager1", "/api/cases/" + number + "/attachments").getBody().size()).isZero();
    }

    @Test
    void nobodyAddsFilesToACaseTheyMayNotSee() {
        String number = file("villager1", "别人的案件", "别人不能往这里传文件", "other");
        assertThat(upload("villager2", number, "x.png", PNG).getStatusCode().value()).isEqualTo(404);
    }

    /**
     * mend11: uploads that break off, carry a part beyond the app's size for its kind, or announce more than the
     * server takes, on a case that exists (the endpoint sweep only reaches cases that do not): each a 4xx problem+json
     * in the caller's words, and nothing stored — no row, no timeline entry, no file.
     */
    @Test
    void brokenAndOverSizeUploadsAreRefusedAndStoreNothing() throws Exception {
        String number = file("villager1", "水沟堵塞", "水沟堵塞，雨天漫到路上", "road");
        long rows = jdbc.sql("select count(*) from minqing.attachment a join minqing.case_record c on c.id = a.case_id where c.number = ?").param(number).query(Long.class).single();
        long events = eventsOf(number);
        long files = store.files().count();
        String path = "/api/cases/" + number + "/attachments";
        byte[] photo = TestMedia.PNG.clone();
        photo[photo.length - 13] ^= 1; // a photo this test alone sends: its file would be new
        String head = "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n";

        // the whole photo, then the body stops inside the next part
        java.io.ByteArrayOutputStream cut = new java.io.ByteArrayOutputStream();
        cut.write(head.getBytes(StandardCharsets.UTF_8));
        cut.write(photo);
        cut.write("\r\n--zz\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n半截".getBytes(StandardCharsets.UTF_8));
        assertRefused(send(path, cut.toByteArray()), 400);
        // the photo's part itself cut short
        assertRefused(send(path, java.util.Arrays.copyOf(cut.toByteArray(), head.length() + photo.length / 2)), 400);
        // a photo of 11 MB: over the 10 MB a photo may have
        byte[] big = java.util.Arrays.copyOf(photo, 11 * 1024 * 1024);
        java.io.ByteArrayOutputStream large = new java.io.ByteArrayOutputStream();
        large.write(head.getBytes(StandardCharsets.UTF_8));
        large.write(big);
        large.write("\r\n--zz--\r\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tooLarge = send(path, large.toByteArray());
        assertRefused(tooLarge, 400);
        assertThat(json.readTree(tooLarge.body()).path("errors").findValuesAsText("field")).containsExactly("file");
        // 80 MB announced, over the request limit (70 MB): refused before any of it is read
        String announced = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + java.util.Base64.getEncoder().encodeToString(("villager1:" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Type: multipart/form-data; boundary=zz\r\nContent-Length: " + 80L * 1024 * 1024
                + "\r\nConnection: close\r\n\r\n");
        assertThat(announced).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
        assertThat(announced.substring(announced.indexOf("\r\n\r\n"))).containsPattern("\\p{IsHan}")
                .doesNotContainIgnoringCase("maximum upload size");

        assertThat(jdbc.sql("select count(*) from minqing.attachment a join minqing.case_record c on c.id = a.case_id where c.number = ?").param(number).query(Long.class).single()).as("no attachment row").isEqualTo(rows);
        assertThat(eventsOf(number)).as("no timeline entry").isEqualTo(events);
        assertThat(store.files().count()).as("no file").isEqualTo(files);
        assertThat(get("villager1", path).getBody().size()).isZero();
        assertThat(upload("villager1", number, "a.png", photo).getStatusCode().value()).as("the same photo whole").isEqualTo(201);
    }

    private long eventsOf(String number) {
        return jdbc.sql("select count(*) from minqing.case_event e join minqing.case_record c on c.id = e.case_id where c.number = ?")
                .param(number).query(Long.class).single();
    }

    private void assertRefused(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asText()).containsPattern("\\p{IsHan}");
    }

    private HttpResponse<String> send(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("villager1:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=zz")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** One request written by hand (a Content-Length no client library would send without the bytes); the answer. */
    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return RawAnswers.answerOf(socket.getInputStream());
        }
    }

    private ResponseEntity<JsonNode> upload(String user, String number, String name, byte[] bytes) {
        return postFile(user, "/api/cases/" + number + "/attachments", name, bytes);
    }
}
