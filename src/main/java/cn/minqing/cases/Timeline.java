package cn.minqing.cases;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timeline of each case (办理过程). */
@Repository
public class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a step to the case's timeline; answers the step as written (as {@link #of} reads it back). */
    public TimelineEntry record(String caseNumber, String actor, String kind, String stage, String note) {
        TimelineEntry entry = new TimelineEntry(CaseClock.now(), actor, kind, stage, note);
        jdbc.sql("""
                insert into minqing.case_event (case_id, at, actor, kind, stage, note)
                select id, ?, ?, ?, ?, ? from minqing.case_record where number = ?
                """).params(entry.at(), actor, kind, stage, note, caseNumber).update();
        return entry;
    }

    public List<TimelineEntry> of(String caseNumber) {
        return jdbc.sql("""
                select e.at, e.actor, e.kind, e.stage, e.note from minqing.case_event e
                  join minqing.case_record c on c.id = e.case_id where c.number = ? order by e.at, e.id
                """).param(caseNumber).query(TimelineEntry.class).list();
    }
}
