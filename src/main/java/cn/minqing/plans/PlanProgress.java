package cn.minqing.plans;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Progress reports on milestones (进展报告) and their photos in PostgreSQL (V390). */
@Repository
class PlanProgress {

    /** One report, with its author's display name (never the user name) and the ids of its photos. */
    record Report(long id, long planId, int seq, String authorName, String text, BigDecimal amount, String unit,
                  String kind, OffsetDateTime createdAt, List<Long> photos) {

        public boolean isSupervision() {
            return "supervision".equals(kind);
        }
    }

    record Photo(long planId, String mediaType, byte[] bytes) {
    }

    private final JdbcClient jdbc;

    PlanProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long planId, int seq, String author, String text, BigDecimal amount, String unit, String kind) {
        return jdbc.sql("""
                insert into minqing.plan_progress (plan_id, seq, author, text, amount, unit, kind) values (?, ?, ?, ?, ?, ?, ?)
                returning id""").params(planId, seq, author, text, amount, unit, kind).query(Long.class).single();
    }

    void addPhoto(long progressId, String mediaType, byte[] bytes) {
        jdbc.sql("insert into minqing.plan_progress_photo (progress_id, media_type, bytes) values (?, ?, ?)")
                .params(progressId, mediaType, bytes).update();
    }

    /** The plan's reports, newest first. */
    List<Report> of(long planId) {
        return jdbc.sql("""
                select p.id, p.plan_id, p.seq, coalesce(u.display_name, '') as author_name, p.text, p.amount, p.unit,
                       p.kind, p.created_at,
                       array(select f.id from minqing.plan_progress_photo f where f.progress_id = p.id order by f.id) as photos
                  from minqing.plan_progress p left join minqing.app_user u on u.username = p.author
                 where p.plan_id = ? order by p.created_at desc, p.id desc
                """).param(planId).query((rs, i) -> new Report(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("seq"),
                rs.getString("author_name"), rs.getString("text"), rs.getBigDecimal("amount"), rs.getString("unit"),
                rs.getString("kind"), rs.getObject("created_at", OffsetDateTime.class),
                List.of((Long[]) rs.getArray("photos").getArray()))).list();
    }

    Optional<Photo> photo(long id) {
        return jdbc.sql("""
                select p.plan_id, f.media_type, f.bytes from minqing.plan_progress_photo f
                  join minqing.plan_progress p on p.id = f.progress_id where f.id = ?
                """).param(id).query((rs, i) -> new Photo(rs.getLong("plan_id"), rs.getString("media_type"),
                rs.getBytes("bytes"))).optional();
    }
}
