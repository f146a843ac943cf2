package cn.minqing.attachments;

import cn.minqing.cases.PeopleOnCase;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds photos, video and voice notes to cases, and hands them only to those who may see the case. */
@Service
public class Attachments {

    private static final String SELECT = """
            select a.id, a.kind, a.content_type, a.file_name, a.size_bytes, a.sha256, a.uploaded_by, a.uploaded_at, a.label
              from minqing.attachment a join minqing.case_record c on c.id = a.case_id
            """;

    private static final List<String> LABELS = List.of("before", "after");
    private final JdbcClient jdbc;
    private final AttachmentStore store;
    private final CaseViews views;
    private final Timeline timeline;
    private final AuditLog audit;

    Attachments(JdbcClient jdbc, AttachmentStore store, CaseViews views, Timeline timeline, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.views = views;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional
    public AttachmentView add(String caseNumber, String fileName, byte[] bytes, CurrentUser user) {
        return add(caseNumber, fileName, bytes, null, user);
    }

    /** A photo with what it shows: {@code before} or {@code after} the fix (整改前/整改后); only photos take a label. */
    @Transactional
    public AttachmentView add(String caseNumber, String fileName, byte[] bytes, String label, CurrentUser user) {
        views.namingOf(caseNumber, user); // 404 unless the person may see the case
        MediaType type = check(fileName, bytes);
        if (label != null && (!LABELS.contains(label) || !type.kind.equals("photo"))) {
            throw new InvalidInputException(label, "attachment.label.photoOnly");
        }
        byte[] plain = withoutHiddenMetadata(fileName, type, bytes);
        String sha256 = sha256(plain);
        store.put(sha256, plain);
        return find(insert(caseNumber, type.kind, type.contentType, safe(fileName), plain.length, sha256, label, user))
                .orElseThrow();
    }

    /** A checked file in the store, for a feature that keeps its own attachment rows (a visit's photos). */
    public record StoredMedia(String kind, String contentType, String fileName, long sizeBytes, String sha256) {
    }

    /** Checks a photo, video or voice note as for cases, strips its hidden metadata and stores the bytes. */
    public StoredMedia store(String fileName, byte[] bytes) {
        MediaType type = check(fileName, bytes);
        byte[] plain = withoutHiddenMetadata(fileName, type, bytes);
        String sha256 = sha256(plain);
        store.put(sha256, plain);
        return new StoredMedia(type.kind, type.contentType, safe(fileName), plain.length, sha256);
    }

    /** The stored bytes of a checked file by their checksum. */
    public java.io.InputStream open(String sha256) throws java.io.IOException {
        return store.open(sha256);
    }

    /** The file without what it says about who made it and where (see {@link HiddenMetadata}); refused if unreadable. */
    static byte[] withoutHiddenMetadata(String fileName, MediaType type, byte[] bytes) {
        return HiddenMetadata.strip(type, bytes)
                .orElseThrow(() -> new InvalidInputException("file", "attachment.damaged", safe(fileName)));
    }

    /** What the file is, by its content; refused when it is no photo, video or voice note, or too large for its kind. */
    static MediaType check(String fileName, byte[] bytes) {
        MediaType type = MediaType.sniff(bytes.length > 16 ? java.util.Arrays.copyOf(bytes, 16) : bytes)
                .orElseThrow(() -> new InvalidInputException("file", "attachment.type.unknown", safe(fileName)));
        if (bytes.length > type.maxBytes) {
            throw new InvalidInputException("file", "attachment.too.large", type.maxBytes / 1024 / 1024);
        }
        return type;
    }

    /** The attachment row, its timeline entry and audit record for bytes already in the store. */
    long insert(String caseNumber, String kind, String contentType, String fileName, long size, String sha256,
                CurrentUser user) {
        return insert(caseNumber, kind, contentType, fileName, size, sha256, null, user);
    }

    private long insert(String caseNumber, String kind, String contentType, String fileName, long size, String sha256,
                        String label, CurrentUser user) {
        long id = jdbc.sql("""
                insert into minqing.attachment (case_id, kind, content_type, file_name, size_bytes, sha256, uploaded_by, label)
                select id, ?, ?, ?, ?, ?, ?, ? from minqing.case_record where number = ? returning id
                """).params(kind, contentType, fileName, size, sha256, user.username(), label, caseNumber)
                .query(Long.class).single();
        timeline.record(caseNumber, user.username(), "attachment", null, kind);
        audit.record(user.username(), "attachment.added", caseNumber, contentType + " " + sha256);
        return id;
    }

    /** The case's attachments; an anonymous reporter's uploads name neither them nor their file to others. */
    @Transactional(readOnly = true)
    public List<AttachmentView> of(String caseNumber, CurrentUser user) {
        PeopleOnCase.Naming naming = views.namingOf(caseNumber, user);
        return jdbc.sql(SELECT + " where c.number = ? order by a.id").param(caseNumber).query(AttachmentView.class).list()
                .stream().map(a -> named(a, naming)).toList();
    }

    private static AttachmentView named(AttachmentView a, PeopleOnCase.Naming naming) {
        String uploader = naming.name(a.uploadedBy());
        boolean hidden = !java.util.Objects.equals(uploader, a.uploadedBy());
        return new AttachmentView(a.id(), a.kind(), a.contentType(), hidden ? null : a.fileName(), a.sizeBytes(),
                a.sha256(), uploader, a.uploadedAt(), a.label());
    }

    /** The attachment and its case number, if the person may see that case. */
    @Transactional(readOnly = true)
    public AttachmentView visible(long id, CurrentUser user) {
        String caseNumber = jdbc.sql("select c.number from minqing.attachment a join minqing.case_record c on c.id = a.case_id where a.id = ?")
                .param(id).query(String.class).optional()
                .orElseThrow(() -> ApiException.notFound("attachment.notFound"));
        PeopleOnCase.Naming naming;
        try {
            naming = views.namingOf(caseNumber, user);
        } catch (ApiException e) {
            throw ApiException.notFound("attachment.notFound");
        }
        return named(find(id).orElseThrow(), naming);
    }

    java.io.InputStream open(AttachmentView a) throws java.io.IOException {
        return store.open(a.sha256());
    }

    private java.util.Optional<AttachmentView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(AttachmentView.class).optional();
    }

    static String safe(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.replaceAll("[\\\\/]", "_");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
