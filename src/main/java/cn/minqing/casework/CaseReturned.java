package cn.minqing.casework;

import cn.minqing.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 退单: counts the return; the first goes back to a dispatcher, the second to the county centre. */
@Component("caseReturned")
class CaseReturned implements JavaDelegate {

    private final Cases cases;

    CaseReturned(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer returns = (Integer) execution.getVariable(ProcessKeys.RETURNS);
        execution.setVariable(ProcessKeys.RETURNS, returns == null ? 1 : returns + 1);
        cases.countReturn((String) execution.getVariable(ProcessKeys.CASE_NUMBER));
    }
}
