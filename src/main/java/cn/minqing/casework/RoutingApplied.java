package cn.minqing.casework;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** 派单: applies the routing table's answer (processes/case-routing.dmn) to the case. */
@Component("routingApplied")
class RoutingApplied implements ExecutionListener {

    private final Handlers handlers;

    RoutingApplied(Handlers handlers) {
        this.handlers = handlers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        Map<String, Object> routing = (Map<String, Object>) execution.getVariable(ProcessKeys.ROUTING);
        String township = (String) execution.getVariable(ProcessKeys.TOWNSHIP);
        execution.setVariable("deadlineClass", routing.get("deadlineClass"));
        // read once, here: dropped in the command that made it, the decision's map (a serialized Java object) is
        // never written to ACT_RU_VARIABLE and ACT_GE_BYTEARRAY (issue 16)
        execution.removeVariable(ProcessKeys.ROUTING);
        // the row is written once, with the deadlines, when the deadline table has answered (DeadlinesPlanned; route is
        // always followed by planDeadlines in the same command, in every version of the process)
        handlers.choose(execution, handlers.resolve((String) routing.get("organisation"), township), "dispatched");
    }
}
