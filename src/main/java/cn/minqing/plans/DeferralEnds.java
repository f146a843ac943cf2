package cn.minqing.plans;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code caseComesBack} in processes/case-deferral.bpmn: the deferred case is back with its handlers. */
@Component("deferralEnds")
class DeferralEnds implements JavaDelegate {

    private final Deferrals deferrals;

    DeferralEnds(Deferrals deferrals) {
        this.deferrals = deferrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deferrals.end(((Number) execution.getVariable("deferralId")).longValue());
    }
}
