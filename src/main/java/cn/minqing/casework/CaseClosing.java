package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * An end event's id is the case's outcome: solved, unsolvable, rejected or merged; rejected or merged at 受理, the
 * urgency chosen there is written with it (the case never reached 派单, which writes it otherwise).
 */
@Component("caseClosing")
class CaseClosing implements ExecutionListener {

    private final Cases cases;
    private final Timeline timeline;

    CaseClosing(Cases cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
        CaseStatus outcome = CaseStatus.of(execution.getCurrentActivityId());
        String note = (String) execution.getVariable(ProcessKeys.OUTCOME_NOTE);
        // a case that ends at 受理 (不予受理, 重复) never reached 派单: the urgency chosen there comes with the outcome
        String urgency = outcome == CaseStatus.REJECTED || outcome == CaseStatus.MERGED
                ? (String) execution.getVariable(ProcessKeys.URGENCY) : null;
        cases.close(number, outcome, note, urgency);
        timeline.record(number, "system", "closed", null, outcome.nameZh());
    }
}
