package cn.minqing.casework;

import cn.minqing.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 重办: a dissatisfied villager sends the case back to its handler; the rework is counted. */
@Component("reworkOrdered")
class ReworkOrdered implements JavaDelegate {

    private final Cases cases;

    ReworkOrdered(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessKeys.REWORK, true);
        cases.countRework((String) execution.getVariable(ProcessKeys.CASE_NUMBER));
    }
}
