package cn.minqing.casework;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The villager did not rate within the configured days: recorded as no response, never as satisfied. */
@Component("noFeedback")
class NoFeedback implements JavaDelegate {

    private final Cases cases;
    private final Timeline timeline;

    NoFeedback(Cases cases, Timeline timeline) {
        this.cases = cases;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
        execution.setVariable(ProcessKeys.RATING, "no-response");
        cases.rate(number, "no-response", null, CaseClock.now());
        timeline.record(number, "system", "no-response", "feedback", "村民逾期未评价，记为未回复");
    }
}
