package cn.minqing.casework;

import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A note on a case's timeline (办理备注), by anyone who may see the case. */
@Service
public class CaseNotes {

    private final CaseViews views;
    private final Timeline timeline;
    private final AuditLog audit;

    CaseNotes(CaseViews views, Timeline timeline, AuditLog audit) {
        this.views = views;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional
    public void add(String caseNumber, String note, CurrentUser user) {
        views.get(caseNumber, user); // 404 unless the person may see the case
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "case.note.required");
        }
        if (note.length() > StageRules.MAX_TEXT) {
            throw new InvalidInputException("note", "task.field.tooLong", StageRules.MAX_TEXT);
        }
        timeline.record(caseNumber, user.username(), "note", null, note.strip());
        audit.record(user.username(), "case.noted", caseNumber, note.strip());
    }
}
