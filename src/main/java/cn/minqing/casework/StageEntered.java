package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
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

    StageEntered(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = (String) task.getVariable(ProcessKeys.CASE_NUMBER);
        Stage stage = Stage.of(task.getTaskDefinitionKey());
        if (stage.status() == null || stage == Stage.ACCEPT) {
            return; // a filed case is already 收到 (received): intake review changes nothing the case row or index shows
        }
        boolean rework = stage == Stage.IMPLEMENT && Boolean.TRUE.equals(task.getVariable(ProcessKeys.REWORK));
        cases.moveTo(number, rework ? CaseStatus.REWORK : stage.status());
    }
}
