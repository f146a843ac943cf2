package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a stage's task is created, the case shows that stage's status (rework while being redone).
 * Intake review (受理) is skipped: filing stored the case as received a moment before, in the same
 * transaction, and writing the same status again cost the filing an update and a second outbox row.
 */
@Component("stageEntered")
class StageEntered implements TaskListener {

    private final Cases cases;
    private final org.springframework.context.ApplicationEventPublisher events;

    StageEntered(Cases cases, org.springframework.context.ApplicationEventPublisher events) {
        this.cases = cases;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        // read from the task's execution, not the task: a task's own variables are looked up in the database even for
        // the task being created, one select per stage entered (a filing's, a 受理's); no task holds variables of its own
        DelegateExecution execution = task.getExecution();
        String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
        Stage stage = Stage.of(task.getTaskDefinitionKey());
        if (stage == Stage.ACCEPT) {
            // a filed case is already 收到 (received): the row and the index stay as they are, but those who tell
            // the villager (the SMS/WeChat channels) hear that the case is now in the county's hands
            events.publishEvent(new cn.minqing.cases.CaseStatusChanged(number, CaseStatus.RECEIVED));
            return;
        }
        if (stage.status() == null) {
            return;
        }
        boolean rework = stage == Stage.IMPLEMENT && Boolean.TRUE.equals(execution.getVariable(ProcessKeys.REWORK));
        cases.moveTo(number, rework ? CaseStatus.REWORK : stage.status());
    }
}
