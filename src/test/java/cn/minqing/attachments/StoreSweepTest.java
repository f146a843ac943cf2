package cn.minqing.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StoreSweepTest extends ApiTest {

    @Autowired
    StoreSweep sweep;
    @Autowired
    AttachmentStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void filesNoRowNamesAreDeletedAndEveryNamedOrFreshFileIsKept() throws IOException {
        String number = file("villager1", "墙体开裂", "村委会旁的老房子墙体开裂", "housing");
        String onCase = postFile("villager1", "/api/cases/" + number + "/attachments", "墙.png", TestMedia.PNG)
                .getBody().get("sha256").asText();
        String abandoned = keepPending("三天前上传后放弃的照片", Duration.ofDays(3));
        String recent = keepPending("刚刚上传的照片", Duration.ZERO);

        int deleted = sweep.sweep(Instant.now().plus(Duration.ofHours(36)));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(exists(abandoned)).as("a form abandoned three days ago leaves nothing behind").isFalse();
        assertThat(exists(recent)).as("a form being filled in keeps its photos").isTrue();
        assertThat(exists(onCase)).as("a case's photo is never swept").isTrue();
        assertThat(jdbc.sql("select count(*) from minqing.pending_upload where sha256 = ?").param(abandoned)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFileWrittenAgainIsTouchedSoTheSweepLeavesItForTheRowAboutToNameIt() throws IOException {
        byte[] bytes = ("重新上传 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = Attachments.sha256(bytes);
        store.put(sha256, bytes);
        assertThat(sweep.sweep(Instant.now().plus(Duration.ofDays(2)))).isGreaterThanOrEqualTo(1);
        assertThat(exists(sha256)).as("unnamed and untouched for a day: deleted").isFalse();

        store.put(sha256, bytes);
        java.nio.file.Path file;
        try (var files = store.files()) {
            file = files.filter(f -> f.getFileName().toString().equals(sha256)).findFirst().orElseThrow();
        }
        java.nio.file.Files.setLastModifiedTime(file,
                java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        store.put(sha256, bytes);
        sweep.sweep(Instant.now().plus(Duration.ofHours(12)));
        assertThat(exists(sha256)).as("written again within the day, though first written three days ago: kept")
                .isTrue();
    }

    private String keepPending(String text, Duration age) {
        byte[] bytes = (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha256 = Attachments.sha256(bytes);
        store.put(sha256, bytes);
        jdbc.sql("""
                insert into minqing.pending_upload (form_token, kind, content_type, file_name, size_bytes, sha256,
                    uploaded_by, uploaded_at)
                values (?, 'photo', 'image/png', 'x.png', ?, ?, 'villager1', now() - make_interval(secs => ?))
                """).params(UUID.randomUUID().toString(), bytes.length, sha256, age.toSeconds()).update();
        return sha256;
    }

    private boolean exists(String sha256) {
        try (InputStream in = store.open(sha256)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }
}
