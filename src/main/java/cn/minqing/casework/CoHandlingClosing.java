package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.cases.CoOrganisation;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.people.TaskGroups;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead organisation closes a joint handling (协办) before every co-organisation has reported: each one still
 * waiting is closed with a reason ({@code reason} for all, or {@code reasons} by organisation code), the timeline
 * names them, and the case moves on (the message boundary event 主办单位关闭协办).
 */
@Service
class CoHandlingClosing {

    /** {@code reason} for every co-organisation still waiting, or {@code reasons}: code → reason. */
    record Request(String reason, Map<String, String> reasons) {
    }

    private final Cases cases;
    private final CaseViews views;
    private final CoHandling coHandling;
    private final RuntimeService runtime;
    private final Timeline timeline;
    private final AuditLog audit;

    CoHandlingClosing(Cases cases, CaseViews views, CoHandling coHandling, RuntimeService runtime, Timeline timeline,
                      AuditLog audit) {
        this.cases = cases;
        this.views = views;
        this.coHandling = coHandling;
        this.runtime = runtime;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional
    public void close(String number, Request form, CurrentUser user) {
        CaseRecord c = cases.find(number).filter(r -> views.mayView(r, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        boolean lead = c.handlingOrg() != null && user.taskGroups().contains(TaskGroups.organisation(c.handlingOrg()));
        if (!lead && !user.is(Role.ADMIN)) {
            throw ApiException.forbidden("co-handling.notLead");
        }
        boolean running = runtime.createExecutionQuery().processInstanceBusinessKey(number)
                .messageEventSubscriptionName(ProcessKeys.CO_HANDLING_CLOSED_MESSAGE).count() > 0;
        List<CoOrganisation> waiting = c.handling().coOrganisations().stream().filter(CoOrganisation::waiting).toList();
        if (!running || waiting.isEmpty()) {
            throw ApiException.conflict("co-handling.notRunning");
        }
        Map<String, String> reasons = reasons(form, waiting);
        coHandling.close(number, reasons);
        String note = String.join("；", waiting.stream().map(o -> o.name() + "：" + reasons.get(o.code())).toList());
        timeline.record(number, user.username(), "co-handling-closed", Stage.CO_HANDLE.code(), "主办单位关闭协办，未报告：" + note);
        runtime.createMessageCorrelation(ProcessKeys.CO_HANDLING_CLOSED_MESSAGE).processInstanceBusinessKey(number)
                .correlate();
        audit.record(user.username(), "case.co-handling-closed", number, note);
    }

    /** A reason for each co-organisation still waiting; every missing or overlong one named, and unknown codes too. */
    private static Map<String, String> reasons(Request form, List<CoOrganisation> waiting) {
        String common = form == null ? null : form.reason();
        Map<String, String> given = form == null || form.reasons() == null ? Map.of() : form.reasons();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (CoOrganisation o : waiting) {
            String r = given.getOrDefault(o.code(), common);
            if (r == null || r.isBlank()) {
                problems.add(new FieldProblem(common == null && !given.isEmpty() ? "reasons." + o.code() : "reason",
                        "co-handling.reason.required", o.name()));
            } else if (r.length() > StageRules.MAX_TEXT) {
                problems.add(new FieldProblem("reasons." + o.code(), "task.field.tooLong", StageRules.MAX_TEXT));
            } else {
                reasons.put(o.code(), r.strip());
            }
        }
        if (common != null && common.length() > StageRules.MAX_TEXT) {
            problems.add(new FieldProblem("reason", "task.field.tooLong", StageRules.MAX_TEXT));
        }
        given.keySet().stream().filter(code -> waiting.stream().noneMatch(o -> o.code().equals(code)))
                .forEach(code -> problems.add(new FieldProblem("reasons." + code, "co-handling.notWaiting", code)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().distinct().toList());
        }
        return reasons;
    }
}
