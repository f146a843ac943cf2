package cn.minqing.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Attachment bytes on disk, outside the database, under {data-dir}/attachments/ab/abcdef… named by
 * their SHA-256: the same file uploaded twice is stored once, and a file can be checked against its name.
 */
@Component
class AttachmentStore {

    private final Path root;

    AttachmentStore(@Value("${minqing.data-dir:data}") Path dataDir) {
        this.root = dataDir.resolve("attachments");
    }

    void put(String sha256, byte[] bytes) {
        Path file = path(sha256);
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), sha256, ".part");
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store attachment " + sha256, e);
        }
    }

    InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    private Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
