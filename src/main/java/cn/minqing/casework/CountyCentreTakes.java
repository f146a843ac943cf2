package cn.minqing.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 兜底: after the second return the county centre takes the case and may not return it. */
@Component("countyCentreTakes")
class CountyCentreTakes implements JavaDelegate {

    private final Handlers handlers;

    CountyCentreTakes(Handlers handlers) {
        this.handlers = handlers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ProcessKeys.MUST_TAKE, true);
        handlers.assign(execution, handlers.countyCentre(), "centre-takes");
    }
}
