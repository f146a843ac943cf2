package cn.minqing.plans;

import cn.minqing.platform.audit.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of processes/work-plan.bpmn: each moves the plan's status or a milestone's flag. */
@Component("planSteps")
class PlanSteps implements JavaDelegate {

    private final Plans plans;
    private final AuditLog audit;

    PlanSteps(Plans plans, AuditLog audit) {
        this.plans = plans;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long plan = ((Number) execution.getVariable(PlanLifecycle.PLAN_ID)).longValue();
        switch (execution.getCurrentActivityId()) {
            case "planApproved" -> plans.setStatus(plan, PlanStatus.APPROVED);
            case "planUnderway" -> plans.setStatus(plan, PlanStatus.IN_PROGRESS);
            case "planEvaluated" -> plans.setStatus(plan, PlanStatus.EVALUATED);
            case "planClosed" -> plans.setStatus(plan, PlanStatus.CLOSED);
            case "milestoneDone" -> plans.milestoneDone(plan, milestone(execution));
            case "flagMilestoneYellow" -> plans.flag(plan, milestone(execution), "yellow");
            case "flagMilestoneRed" -> {
                plans.flag(plan, milestone(execution), "red");
                audit.record("system", "plan.milestoneOverdue", "plan:" + plan, "milestone " + milestone(execution));
            }
            default -> throw new IllegalStateException("no plan step " + execution.getCurrentActivityId());
        }
    }

    private static int milestone(DelegateExecution execution) {
        return ((Number) execution.getVariable(PlanLifecycle.MILESTONE)).intValue();
    }
}
