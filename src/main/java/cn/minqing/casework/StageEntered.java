package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When a stage's task is created, the case shows that stage's status (rework while being redone). */
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
        if (stage.status() == null) {
            return;
        }
        boolean rework = stage == Stage.IMPLEMENT && Boolean.TRUE.equals(task.getVariable(ProcessKeys.REWORK));
        cases.moveTo(number, rework ? CaseStatus.REWORK : stage.status());
    }
}
