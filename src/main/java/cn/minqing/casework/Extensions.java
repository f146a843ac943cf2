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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 延期: the handler asks, before the resolve deadline passes, for a later one with a reason; the county centre
 * approves or refuses it (the {@code approve-extension} task of processes/grassroots-case.bpmn's 延期 event
 * sub-process). One request at a time.
 */
@Service
public class Extensions {

    /** A request: {@code until} an ISO date-time, or a date (then 18:00 that day in the county), and why. */
    public record Request(String until, String reason) {
    }

    /** The handler's stages: whoever may work one of them on the case is its handler. */
    static final Set<String> HANDLER_STAGES = Set.of("sign", "investigate", "design", "implement");
    private static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(18, 0);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Cases cases;
    private final CaseViews views;
    private final Casework casework;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ZoneId zone;

    Extensions(Cases cases, CaseViews views, Casework casework, RuntimeService runtime, TaskService tasks,
               Timeline timeline, AuditLog audit, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.cases = cases;
        this.views = views;
        this.casework = casework;
        this.runtime = runtime;
        this.tasks = tasks;
        this.timeline = timeline;
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    @Transactional
    public void request(String number, Request form, CurrentUser user) {
        CaseRecord c = cases.find(number).filter(r -> views.mayView(r, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        OffsetDateTime until = checked(form);
        boolean handler = casework.tasksFor(user, TaskFilter.ofCase(number)).stream()
                .anyMatch(t -> HANDLER_STAGES.contains(t.stage()));
        if (!handler) {
            throw ApiException.forbidden("extension.notHandler");
        }
        OffsetDateTime due = c.handling().resolveDue();
        if (due == null || !CaseClock.now().isBefore(due)) {
            throw ApiException.conflict("extension.tooLate");
        }
        if (!until.isAfter(due)) {
            throw new InvalidInputException("until", "extension.until.notLater",
                    due.atZoneSameInstant(zone).format(SHOWN));
        }
        if (tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(Stage.APPROVE_EXTENSION.code()).count() > 0) {
            throw ApiException.conflict("extension.pending");
        }
        String reason = form.reason().strip();
        timeline.record(number, user.username(), "extension-requested", null,
                "申请延期至 " + until.atZoneSameInstant(zone).format(SHOWN) + "：" + reason);
        try {
            runtime.createMessageCorrelation(ProcessKeys.EXTENSION_MESSAGE).processInstanceBusinessKey(number)
                    .setVariable(ProcessKeys.EXTENSION_UNTIL, Date.from(until.toInstant())).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("extension.notAvailable"); // a case on a process version without 延期
        }
        audit.record(user.username(), "case.extension-requested", number, until + ": " + reason);
    }

    /** Both fields at once: a date in the future and a reason. */
    private OffsetDateTime checked(Request form) {
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime until = form == null ? null : parse(form.until());
        if (until == null) {
            problems.add(new FieldProblem("until", "extension.until.invalid"));
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
        return until;
    }

    /** A date-time as people read it, in the county's time zone. */
    String shown(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).format(SHOWN);
    }

    /** An ISO date-time, or a date meaning 18:00 that day in the county; null when it is neither. */
    OffsetDateTime parse(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        try {
            return text.strip().length() == 10
                    ? LocalDate.parse(text.strip()).atTime(CLOSE_OF_BUSINESS).atZone(zone).toOffsetDateTime()
                    : OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
