package cn.minqing.plans;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.casework.Casework;
import cn.minqing.casework.DeferralClock;
import cn.minqing.casework.TaskFilter;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 挂账: a cadre handling a case (签收, 调研, 制定方案, 实施) defers it to a work plan with a planned date and a reason.
 * The case is linked to the plan (by hand, with the reason), its tasks leave the task lists and its clock stands
 * still; processes/case-deferral.bpmn waits for the date (or a call back) and brings it back. The villager sees the
 * plan (if public) and the date on the case.
 */
@Service
class Deferrals {

    static final String PROCESS = "case-deferral";
    static final String RECALL_MESSAGE = "deferral-recalled";
    private static final Set<String> HANDLER_STAGES = Set.of("sign", "investigate", "design", "implement");
    private static final int MAX_REASON = 2000;

    private final Cases cases;
    private final CaseViews views;
    private final Casework casework;
    private final DeferralClock clock;
    private final Plans plans;
    private final PlanAccess access;
    private final DeferralStore store;
    private final DeferralDates dates;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Timeline timeline;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Deferrals(Cases cases, CaseViews views, Casework casework, DeferralClock clock, Plans plans, PlanAccess access,
              DeferralStore store, DeferralDates dates, RuntimeService runtime, TaskService tasks, Timeline timeline,
              AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.tasks = tasks;
        this.cases = cases;
        this.views = views;
        this.casework = casework;
        this.clock = clock;
        this.plans = plans;
        this.access = access;
        this.store = store;
        this.dates = dates;
        this.runtime = runtime;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional
    public Deferral defer(String number, DeferralRequest form, CurrentUser user) {
        CaseRecord c = handlerCase(number, user);
        List<FieldProblem> problems = new ArrayList<>();
        PlanRow plan = form == null || form.plan() == null ? null
                : plans.find(form.plan()).filter(p -> access.mayRead(p, user)).orElse(null);
        if (form == null || form.plan() == null) {
            problems.add(new FieldProblem("plan", "plan.field.required"));
        } else if (plan == null) {
            problems.add(new FieldProblem("plan", "deferral.plan.notFound", form.plan()));
        } else if (plan.status() == PlanStatus.EVALUATED || plan.status() == PlanStatus.CLOSED) {
            problems.add(new FieldProblem("plan", "deferral.plan.over", plan.title()));
        }
        OffsetDateTime until = form == null ? null : dates.parse(form.until());
        if (until == null || !until.isAfter(CaseClock.now())) {
            problems.add(new FieldProblem("until", "deferral.until.invalid"));
        } else if (plan != null && until.isAfter(dates.endOf(plan.targetDate()))) {
            problems.add(new FieldProblem("until", "deferral.until.afterTarget", plan.targetDate().toString()));
        }
        String reason = form == null ? null : form.reason();
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "plan.field.required"));
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "plan.field.tooLong", MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (c.handling().deferredUntil() != null) {
            throw ApiException.conflict("deferral.already", dates.shown(c.handling().deferredUntil()));
        }
        if (c.handling().suspendedSince() != null) {
            throw ApiException.conflict("deferral.suspended");
        }
        String why = reason.strip();
        if (plans.link(plan.id(), number).filter(l -> l.unlinkedAt() == null).isEmpty()) {
            plans.linkByHand(plan.id(), number, "挂账：" + why, user.username());
        }
        long id = store.insert(number, plan.id(), until, why, user.username());
        cases.defer(number, until);
        clock.stop(number);
        String pi = runtime.startProcessInstanceByKey(PROCESS, "deferral:" + id, Map.of("deferUntil",
                Date.from(until.toInstant()), "deferralId", id, "caseNumber", number)).getId();
        store.setProcessInstance(id, pi);
        timeline.record(number, user.username(), "deferred", null, "挂账至 " + dates.shown(until)
                + (plan.isPublic() ? "，列入工作方案《" + plan.title() + "》" : "，列入工作方案") + "：" + why);
        audit.record(user.username(), "case.deferred", number, "plan:" + plan.id() + " until " + until + ": " + why);
        events.publishEvent(new CaseDeferralChanged(number, true, plan.isPublic() ? plan.title() : null, until));
        return store.current(number).orElseThrow();
    }

    /** The cadre calls the case back before the planned date. */
    @Transactional
    public void recall(String number, CurrentUser user) {
        CaseRecord c = cases.find(number).filter(r -> views.mayView(r, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        Deferral d = store.current(c.number()).orElseThrow(() -> ApiException.conflict("deferral.none"));
        PlanRow plan = plans.find(d.plan()).orElseThrow();
        if (!access.mayLink(plan, user) || !mayHandle(user, c)) {
            throw ApiException.forbidden("deferral.notHandler");
        }
        try {
            runtime.createMessageCorrelation(RECALL_MESSAGE).processInstanceBusinessKey("deferral:" + d.id()).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("deferral.none");
        }
        audit.record(user.username(), "case.deferralRecalled", number, "plan:" + d.plan());
    }

    /** The date came or the case was called back (the {@code caseComesBack} step of case-deferral.bpmn). */
    @Transactional
    public void end(long deferralId) {
        store.find(deferralId).filter(d -> d.endedAt() == null).ifPresent(d -> {
            store.end(deferralId);
            cases.endDeferral(d.caseNumber());
            double hours = clock.restart(d.caseNumber());
            timeline.record(d.caseNumber(), "system", "deferral-ended", null,
                    "挂账结束，恢复办理；办理时限顺延 " + Math.round(hours * 10) / 10.0 + " 小时");
            events.publishEvent(new CaseDeferralChanged(d.caseNumber(), false, d.planPublic() ? d.planTitle() : null, null));
        });
    }

    /** The case, if the caller may see it (404 otherwise) and holds one of its handler's tasks (403 otherwise). */
    private CaseRecord handlerCase(String number, CurrentUser user) {
        CaseRecord c = cases.find(number).filter(r -> views.mayView(r, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        if (!mayHandle(user, c)) {
            throw ApiException.forbidden("deferral.notHandler");
        }
        return c;
    }

    /**
     * Whether the person holds (or may claim) one of the case's handler tasks — while it is deferred those tasks are
     * off the task lists, so the engine is asked directly.
     */
    boolean mayHandle(CurrentUser user, CaseRecord c) {
        if (c.handling().deferredUntil() == null) {
            return casework.tasksFor(user, TaskFilter.ofCase(c.number())).stream()
                    .anyMatch(t -> HANDLER_STAGES.contains(t.stage()));
        }
        if (user.is(cn.minqing.people.Role.ADMIN)) {
            return true;
        }
        List<String> groups = new ArrayList<>(user.taskGroups());
        groups.add("-none-");
        return c.processInstanceId() != null && tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKeyIn(HANDLER_STAGES.toArray(String[]::new))
                .or().taskAssignee(user.username()).taskCandidateGroupIn(groups).endOr().count() > 0;
    }
}
