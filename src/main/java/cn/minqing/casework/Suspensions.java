package cn.minqing.casework;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 挂起: when a case cannot move for a reason outside the handler's power (waiting for the villager, a court, the
 * season), the handler asks the county centre to stop its clock until a date ({@code approve-suspension} in the 挂起
 * event sub-process); the handler resumes it earlier when the reason ends.
 */
@Service
public class Suspensions {

    /** A request: why, and until when at the latest (an ISO date-time, or a date: 18:00 that day in the county). */
    public record Request(String reason, String until) {
    }

    private final Cases cases;
    private final CaseViews views;
    private final Casework casework;
    private final Extensions extensions;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Timeline timeline;
    private final AuditLog audit;

    Suspensions(Cases cases, CaseViews views, Casework casework, Extensions extensions, RuntimeService runtime,
                TaskService tasks, Timeline timeline, AuditLog audit) {
        this.cases = cases;
        this.views = views;
        this.casework = casework;
        this.extensions = extensions;
        this.runtime = runtime;
        this.tasks = tasks;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional
    public void request(String number, Request form, CurrentUser user) {
        CaseRecord c = handlerCase(number, user);
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime until = form == null ? null : extensions.parse(form.until());
        if (until == null || !until.isAfter(CaseClock.now())) {
            problems.add(new FieldProblem("until", "suspension.until.invalid"));
        }
        String reason = form == null ? null : form.reason();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "task.field.required", "reason"));
        } else if (reason.length() > StageRules.MAX_TEXT) {
            problems.add(new FieldProblem("reason", "task.field.tooLong", StageRules.MAX_TEXT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (c.handling().suspendedSince() != null || tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(Stage.APPROVE_SUSPENSION.code()).count() > 0) {
            throw ApiException.conflict("suspension.pending");
        }
        timeline.record(number, user.username(), "suspension-requested", null,
                "申请挂起至 " + extensions.shown(until) + "：" + reason.strip());
        try {
            runtime.createMessageCorrelation(ProcessKeys.SUSPENSION_MESSAGE).processInstanceBusinessKey(number)
                    .setVariable(ProcessKeys.SUSPEND_UNTIL, Date.from(until.toInstant())).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("suspension.notAvailable");
        }
        audit.record(user.username(), "case.suspension-requested", number, until + ": " + reason.strip());
    }

    /** The reason ended before the date set: the clock restarts now. */
    @Transactional
    public void resume(String number, CurrentUser user) {
        CaseRecord c = handlerCase(number, user);
        if (c.handling().suspendedSince() == null) {
            throw ApiException.conflict("suspension.notSuspended");
        }
        timeline.record(number, user.username(), "resume-requested", null, null);
        try {
            runtime.createMessageCorrelation(ProcessKeys.RESUME_MESSAGE).processInstanceBusinessKey(number).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("suspension.notSuspended");
        }
        audit.record(user.username(), "case.resumed", number, null);
    }

    /** The case, if the caller may see it (404 otherwise) and is its handler (403 otherwise). */
    private CaseRecord handlerCase(String number, CurrentUser user) {
        CaseRecord c = cases.find(number).filter(r -> views.mayView(r, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        boolean handler = casework.tasksFor(user, TaskFilter.ofCase(number)).stream()
                .anyMatch(t -> Extensions.HANDLER_STAGES.contains(t.stage()));
        if (!handler) {
            throw ApiException.forbidden("suspension.notHandler");
        }
        return c;
    }
}
