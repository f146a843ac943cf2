package cn.minqing.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Photos a villager removed from a refused report form, or that were never filed, must not stay on disk for
 * ever: pending uploads older than two days are dropped, and then every stored file that no row names any
 * more (and that nothing has written for a day) is deleted. A file is kept while any column called
 * {@code sha256} in Minqing's schema names it, so a feature that keeps files in its own table is safe without
 * telling this sweep.
 */
@Component
class StoreSweep {

    private static final Logger log = LoggerFactory.getLogger(StoreSweep.class);
    static final Duration PENDING_KEPT = Duration.ofDays(2);
    static final Duration UNTOUCHED = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final AttachmentStore store;

    StoreSweep(JdbcClient jdbc, AttachmentStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${minqing.attachments.sweep-ms:21600000}", initialDelay = 300000)
    void sweepOnSchedule() {
        sweep(Instant.now());
    }

    /** Returns how many files were deleted. */
    int sweep(Instant now) {
        jdbc.sql("delete from minqing.pending_upload where uploaded_at < ?")
                .param(java.sql.Timestamp.from(now.minus(PENDING_KEPT))).update();
        Set<String> named = named();
        FileTime cutoff = FileTime.from(now.minus(UNTOUCHED));
        int deleted = 0;
        try (Stream<Path> files = store.files()) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String sha256 = file.getFileName().toString();
                if (named.contains(sha256) || Files.getLastModifiedTime(file).compareTo(cutoff) > 0) {
                    continue;
                }
                if (!stillUnnamed(sha256)) {
                    continue;
                }
                Files.deleteIfExists(file);
                deleted++;
            }
        } catch (IOException e) {
            log.warn("Attachment sweep stopped: {}", e.getMessage());
        }
        if (deleted > 0) {
            log.info("Attachment sweep deleted {} files no report, visit or form names any more", deleted);
        }
        return deleted;
    }

    private List<String> columns() {
        return jdbc.sql("""
                select format('%I.%I', table_schema, table_name) from information_schema.columns
                where table_schema = 'minqing' and column_name = 'sha256'
                """).query(String.class).list();
    }

    private Set<String> named() {
        Set<String> named = new HashSet<>();
        for (String table : columns()) {
            named.addAll(jdbc.sql("select distinct trim(sha256) from " + table).query(String.class).list());
        }
        return named;
    }

    /** Asked again just before a delete, so a file named since the sweep began is kept. */
    private boolean stillUnnamed(String sha256) {
        for (String table : columns()) {
            if (jdbc.sql("select exists (select 1 from " + table + " where sha256 = ?)").param(sha256)
                    .query(Boolean.class).single()) {
                return false;
            }
        }
        return true;
    }
}
