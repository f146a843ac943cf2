package cn.minqing.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
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
        try {
            if (Files.exists(file)) {
                // Touched, so that the sweep never deletes a file that a row is about to name again.
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                return;
            }
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

    /** Every stored file (named by its SHA-256); partial writes are not listed. */
    Stream<Path> files() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return Files.walk(root, 2).filter(Files::isRegularFile)
                .filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"));
    }

    private Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
