package cn.minqing.casework;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 协办: a co-organisation's task begins with its own working-day deadline, on the task and on the case. */
@Component("coHandleStarted")
class CoHandleStarted implements TaskListener {

    private final CoHandling coHandling;

    CoHandleStarted(CoHandling coHandling) {
        this.coHandling = coHandling;
    }

    @Override
    public void notify(DelegateTask task) {
        // the execution's variables, as StageEntered reads them: the task's would cost a select of its own
        DelegateExecution execution = task.getExecution();
        String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
        OffsetDateTime due = coHandling.open(number, (String) execution.getVariable(ProcessKeys.CO_ORGANISATION));
        if (due != null) {
            task.setDueDate(Date.from(due.toInstant()));
        }
    }
}
