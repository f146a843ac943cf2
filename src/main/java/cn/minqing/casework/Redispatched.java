package cn.minqing.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 改派: the dispatcher chose another organisation after a return. */
@Component("redispatched")
class Redispatched implements JavaDelegate {

    private final Handlers handlers;

    Redispatched(Handlers handlers) {
        this.handlers = handlers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String chosen = (String) execution.getVariable(ProcessKeys.ORGANISATION);
        String township = (String) execution.getVariable(ProcessKeys.TOWNSHIP);
        handlers.assign(execution, handlers.resolve(chosen, township), "redispatched");
    }
}
