package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办 by a leader: a supervision with a note on an open case. When the overdue timer has already opened a
 * 督办 task for the leaders (and counted that supervision, see {@link DeadlineFlags}), the leader's note
 * completes that task; otherwise the case counts one more supervision. Either way the timeline says
 * "supervised" with the note, and the holder (the claimant, else the handling organisation's staff) is told.
 */
@Service
public class Supervision {

    private final Cases cases;
    private final CaseViews views;
    private final Timeline timeline;
    private final TaskList taskList;
    private final Casework casework;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    Supervision(Cases cases, CaseViews views, Timeline timeline, TaskList taskList, Casework casework, AuditLog audit,
                JdbcClient jdbc) {
        this.cases = cases;
        this.views = views;
        this.timeline = timeline;
        this.taskList = taskList;
        this.casework = casework;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Leaders and admins only (403), on a case they may see (404), with a note (400), while it is open (409). */
    @Transactional
    public int supervise(String number, String note, CurrentUser user) {
        if (!user.is(Role.LEADER) && !user.is(Role.ADMIN)) {
            throw ApiException.forbidden("supervise.forbidden");
        }
        CaseRecord c = cases.find(number).filter(r -> views.mayView(r, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "task.field.required", "note");
        }
        if (note.length() > StageRules.MAX_TEXT) {
            throw new InvalidInputException("note", "task.field.tooLong", StageRules.MAX_TEXT);
        }
        if (c.closedAt() != null || c.status().isFinal()) {
            throw ApiException.conflict("supervise.closed", number);
        }
        String text = note.strip();
        Optional<TaskView> opened = taskList.find(user, new TaskFilter(Stage.SUPERVISE.code(), number, null, null, null,
                null, null, 1, 0)).stream().findFirst();
        if (opened.isPresent()) {
            casework.complete(opened.get().id(), user, new CompletionForm(null, null, null, null, null, null, null,
                    null, null, null, text, null, null));
        } else {
            cases.countSupervision(number);
            timeline.record(number, user.username(), "supervised", Stage.SUPERVISE.code(), text);
            audit.record(user.username(), "case.supervised", number, text);
        }
        tellTheHolder(c, text);
        return cases.find(number).orElseThrow().handling().supervisions();
    }

    /** The claimants of the case's open tasks, else the staff of the organisation handling it. */
    private void tellTheHolder(CaseRecord c, String note) {
        String text = ("督办：" + c.number() + " " + c.title() + "。" + note);
        String shortText = text.length() > 200 ? text.substring(0, 199) + "…" : text;
        jdbc.sql("""
                insert into minqing.notification (username, case_number, status, text)
                select distinct h.username, ?, 'supervised', ? from (
                    select t.assignee_ as username from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                     where e.business_key_ = ? and t.assignee_ is not null and t.task_def_key_ <> 'supervise'
                    union
                    select u.username from minqing.app_user u
                     where u.organisation_code = ? and u.enabled and 'CADRE' = any(u.roles)
                       and not exists (select 1 from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                                        where e.business_key_ = ? and t.assignee_ is not null
                                          and t.task_def_key_ <> 'supervise')) h
                  join minqing.app_user u on u.username = h.username
                 where u.roles <> '{VILLAGER}'::varchar[]
                """).params(c.number(), shortText, c.number(), c.handlingOrg(), c.number()).update();
    }
}
