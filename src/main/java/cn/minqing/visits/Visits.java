package cn.minqing.visits;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The visit store: visits, the needs they found and their attachments. */
@Repository
class Visits {

    private final JdbcClient jdbc;

    Visits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record VisitRow(long id, long householdId, String visitor, String visitorName, OffsetDateTime visitedAt,
                    String met, String notes, Double lat, Double lon) {
    }

    record NeedRow(long id, long visitId, String title, String description, String categoryCode, boolean anonymous,
                   boolean solvedOnSpot, String caseNumber) {
    }

    record AttachmentRow(long id, long visitId, String kind, String contentType, String fileName, long sizeBytes,
                         String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    private static final String VISIT = """
            select v.id, v.household_id, v.visitor, u.display_name as visitor_name, v.visited_at, v.met, v.notes, v.lat, v.lon
              from minqing.visit v join minqing.app_user u on u.username = v.visitor
            """;

    long insert(long householdId, String visitor, OffsetDateTime at, String met, String notes, Double lat, Double lon) {
        return jdbc.sql("""
                insert into minqing.visit (household_id, visitor, visited_at, met, notes, lat, lon)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """).params(householdId, visitor, at, met, notes, lat, lon).query(Long.class).single();
    }

    void insertNeed(long visitId, VisitRequest.Need n, String caseNumber) {
        jdbc.sql("""
                insert into minqing.visit_need (visit_id, title, description, category_code, anonymous, solved_on_spot, case_number)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(visitId, n.title().strip(), n.description() == null ? null : n.description().strip(),
                        n.category() == null || n.category().isBlank() ? null : n.category(), n.isAnonymous(),
                        n.solved(), caseNumber).update();
    }

    Optional<VisitRow> find(long id) {
        return jdbc.sql(VISIT + " where v.id = ?").param(id).query(VisitRow.class).optional();
    }

    List<VisitRow> ofHousehold(long householdId) {
        return jdbc.sql(VISIT + " where v.household_id = ? order by v.visited_at desc, v.id desc")
                .param(householdId).query(VisitRow.class).list();
    }

    List<NeedRow> needsOf(long visitId) {
        return jdbc.sql("""
                select id, visit_id, title, description, category_code, anonymous, solved_on_spot, case_number
                  from minqing.visit_need where visit_id = ? order by id
                """).param(visitId).query(NeedRow.class).list();
    }

    long insertAttachment(long visitId, String kind, String contentType, String fileName, long size, String sha256,
                          String uploadedBy) {
        return jdbc.sql("""
                insert into minqing.visit_attachment (visit_id, kind, content_type, file_name, size_bytes, sha256, uploaded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """).params(visitId, kind, contentType, fileName, size, sha256, uploadedBy).query(Long.class).single();
    }

    List<AttachmentRow> attachmentsOf(long visitId) {
        return jdbc.sql("""
                select id, visit_id, kind, content_type, file_name, size_bytes, sha256, uploaded_by, uploaded_at
                  from minqing.visit_attachment where visit_id = ? order by id
                """).param(visitId).query(AttachmentRow.class).list();
    }

    Optional<AttachmentRow> attachment(long id) {
        return jdbc.sql("""
                select id, visit_id, kind, content_type, file_name, size_bytes, sha256, uploaded_by, uploaded_at
                  from minqing.visit_attachment where id = ?
                """).param(id).query(AttachmentRow.class).optional();
    }
}
