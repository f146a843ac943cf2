package cn.minqing.casework;

import cn.minqing.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When a stage's task is created, the case shows that stage's status. */
@Component("stageEntered")
class StageEntered implements TaskListener {

    private final Cases cases;

    StageEntered(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = (String) task.getVariable(ProcessKeys.CASE_NUMBER);
        cases.moveTo(number, Stage.of(task.getTaskDefinitionKey()).status());
    }
}
