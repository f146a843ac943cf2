package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 直接答复: a question that needs no handling (a policy question, how to apply for something) was answered at intake.
 * The case closes as answered — never as solved — with the reply as its outcome note; the villager is still asked to
 * rate the answer.
 */
@Component("directAnswer")
class DirectAnswer implements JavaDelegate {

    private final Cases cases;
    private final Timeline timeline;

    DirectAnswer(Cases cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
        // answered at 受理, never dispatched: the urgency chosen there comes with the outcome
        cases.close(number, CaseStatus.ANSWERED, (String) execution.getVariable(ProcessKeys.OUTCOME_NOTE),
                (String) execution.getVariable(ProcessKeys.URGENCY));
        timeline.record(number, "system", "closed", null, CaseStatus.ANSWERED.nameZh());
    }
}
