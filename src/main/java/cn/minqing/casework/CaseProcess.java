package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.TaskGroups;
import java.util.Date;
import java.util.HashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts the grassroots-case process for a filed case (business key = case number). Intake review
 * goes to the village's grid members and cadres; routing (DMN) later picks the handling organisation.
 */
@Component
public class CaseProcess {

    private final RuntimeService runtime;
    private final Cases cases;
    private final Regions regions;
    private final int acceptHours;

    CaseProcess(RuntimeService runtime, Cases cases, Regions regions,
                @Value("${minqing.casework.accept-hours:24}") int acceptHours) {
        this.acceptHours = acceptHours;
        this.runtime = runtime;
        this.cases = cases;
        this.regions = regions;
    }

    /**
     * Starts a filed case's process and returns its instance id, which the filing stores in the case row it inserts
     * next (an update linking them cost every filing a second write of the row). Nothing the start does reads the
     * case row: the 受理 task's listener only tells the channels the case is received.
     */
    public String start(String caseNumber, String villageCode, String categoryCode, String reporter) {
        return runtime.startProcessInstanceByKey(ProcessKeys.PROCESS, caseNumber,
                variables(caseNumber, villageCode, categoryCode, reporter)).getId();
    }

    /** A reopened case starts again at routing (派单), keeping the urgency set at intake. */
    public void restartAtRouting(String caseNumber, String villageCode, String categoryCode, String reporter, String urgency) {
        Map<String, Object> variables = variables(caseNumber, villageCode, categoryCode, reporter);
        variables.put(ProcessKeys.URGENCY, urgency == null ? "general" : urgency);
        ProcessInstance instance = runtime.createProcessInstanceByKey(ProcessKeys.PROCESS).businessKey(caseNumber)
                .setVariables(variables).startBeforeActivity("route").execute();
        cases.linkProcess(caseNumber, instance.getId());
    }

    private Map<String, Object> variables(String caseNumber, String villageCode, String categoryCode, String reporter) {
        Region village = regions.find(villageCode).orElseThrow();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessKeys.CASE_NUMBER, caseNumber);
        variables.put(ProcessKeys.REPORTER, reporter);
        variables.put(ProcessKeys.CATEGORY, categoryCode);
        variables.put(ProcessKeys.TOWNSHIP, village.parentCode());
        variables.put(ProcessKeys.VILLAGE_GROUP, TaskGroups.village(villageCode));
        // the county centre's and leaders' groups and the rating waits are read from caseSettings where the model
        // needs them; 退单 counts from the first return (CaseReturned)
        variables.put(ProcessKeys.ACCEPT_DUE, new Date(ClockUtil.getCurrentTime().getTime() + acceptHours * 3_600_000L));
        return variables;
    }
}
