package cn.minqing.attachments;

import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files sent with the phone's report form, kept for that person and that form (its token) until the report is
 * filed: a refused form (a field missing, a tenth photo) is shown again with every photo it had, and nothing
 * has to be picked twice. Up to {@link #MAX_FILES} per report; each is checked like any attachment.
 */
@Service
public class PendingUploads {

    /** The most photos, videos and voice notes one report takes from the report page. */
    public static final int MAX_FILES = 9;

    /** A file as it came with the form. */
    public record Upload(String fileName, byte[] bytes) {
    }

    /** A kept file, as the re-shown form lists it. */
    public record Pending(long id, String kind, String contentType, String fileName, long sizeBytes, String sha256) {
    }

    private final JdbcClient jdbc;
    private final AttachmentStore store;
    private final Attachments attachments;

    PendingUploads(JdbcClient jdbc, AttachmentStore store, Attachments attachments) {
        this.jdbc = jdbc;
        this.store = store;
        this.attachments = attachments;
    }

    /**
     * Keeps the form's new files next to those kept from an earlier try ({@code kept}; the others were removed
     * by the villager), up to {@link #MAX_FILES}; returns what was refused and why. Commits on its own, so a
     * refused report still has its files.
     */
    @Transactional
    public List<FieldProblem> receive(String formToken, Collection<Long> kept, List<Upload> uploads, CurrentUser user) {
        of(formToken, user).stream().filter(p -> !kept.contains(p.id())).forEach(p -> jdbc
                .sql("delete from minqing.pending_upload where id = ?").param(p.id()).update());
        int count = of(formToken, user).size();
        List<FieldProblem> problems = new ArrayList<>();
        int refused = 0;
        for (Upload u : uploads) {
            if (count >= MAX_FILES) {
                refused++;
                continue;
            }
            try {
                MediaType type = Attachments.check(u.fileName(), u.bytes());
                byte[] plain = Attachments.withoutHiddenMetadata(u.fileName(), type, u.bytes());
                String sha256 = Attachments.sha256(plain);
                store.put(sha256, plain);
                jdbc.sql("""
                        insert into minqing.pending_upload (form_token, kind, content_type, file_name, size_bytes, sha256, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """).params(formToken, type.kind, type.contentType, Attachments.safe(u.fileName()),
                        plain.length, sha256, user.username()).update();
                count++;
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (refused > 0) {
            problems.add(new FieldProblem("file", "report.files.tooMany", MAX_FILES, refused));
        }
        return problems;
    }

    /** The files kept for this person's form, in the order they came. */
    @Transactional(readOnly = true)
    public List<Pending> of(String formToken, CurrentUser user) {
        return jdbc.sql("""
                select id, kind, content_type, file_name, size_bytes, sha256 from minqing.pending_upload
                 where uploaded_by = ? and form_token = ? order by id
                """).params(user.username(), formToken).query(Pending.class).list();
    }

    /** Moves the form's files to the newly filed case; runs inside the filing's transaction. */
    @Transactional
    public void attach(String formToken, String caseNumber, CurrentUser user) {
        for (Pending p : of(formToken, user)) {
            attachments.insert(caseNumber, p.kind(), p.contentType(), p.fileName(), p.sizeBytes(), p.sha256(), user);
            jdbc.sql("delete from minqing.pending_upload where id = ?").param(p.id()).update();
        }
    }

    /** A kept file, for its own uploader only (the thumbnail on the re-shown form). */
    @Transactional(readOnly = true)
    public Pending mine(long id, CurrentUser user) {
        Optional<Pending> found = jdbc.sql("""
                select id, kind, content_type, file_name, size_bytes, sha256 from minqing.pending_upload
                 where id = ? and uploaded_by = ?
                """).params(id, user.username()).query(Pending.class).optional();
        return found.orElseThrow(() -> ApiException.notFound("attachment.notFound"));
    }

    java.io.InputStream open(Pending p) throws java.io.IOException {
        return store.open(p.sha256());
    }
}
