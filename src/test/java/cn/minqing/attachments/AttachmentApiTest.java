package cn.minqing.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class AttachmentApiTest extends ApiTest {

    static final byte[] PNG = TestMedia.PNG;

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

    private ResponseEntity<JsonNode> upload(String user, String number, String name, byte[] bytes) {
        return postFile(user, "/api/cases/" + number + "/attachments", name, bytes);
    }
}
