package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.county.Organisation;
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
    private final Handlers handlers;
    private final int feedbackDays;
    private final int callBackDays;
    private final int acceptHours;

    CaseProcess(RuntimeService runtime, Cases cases, Regions regions, Handlers handlers,
                @Value("${minqing.casework.feedback-days:7}") int feedbackDays,
                @Value("${minqing.casework.accept-hours:24}") int acceptHours,
                @Value("${minqing.casework.call-back-days:2}") int callBackDays) {
        this.callBackDays = callBackDays;
        this.acceptHours = acceptHours;
        this.runtime = runtime;
        this.cases = cases;
        this.regions = regions;
        this.handlers = handlers;
        this.feedbackDays = feedbackDays;
    }

    public void start(String caseNumber, String villageCode, String categoryCode, String reporter) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.PROCESS, caseNumber,
                variables(caseNumber, villageCode, categoryCode, reporter));
        cases.linkProcess(caseNumber, instance.getId());
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
        Organisation centre = handlers.countyCentre();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessKeys.CASE_NUMBER, caseNumber);
        variables.put(ProcessKeys.REPORTER, reporter);
        variables.put(ProcessKeys.CATEGORY, categoryCode);
        variables.put(ProcessKeys.TOWNSHIP, village.parentCode());
        variables.put(ProcessKeys.VILLAGE_GROUP, TaskGroups.village(villageCode));
        variables.put(ProcessKeys.DISPATCHER_GROUP, TaskGroups.organisation(centre.code()));
        variables.put(ProcessKeys.LEADER_GROUP, handlers.leaders());
        variables.put(ProcessKeys.SUPERVISOR_GROUP, handlers.leaders());
        variables.put(ProcessKeys.FEEDBACK_WAIT, "P" + feedbackDays + "D");
        variables.put(ProcessKeys.CALL_BACK_WAIT, "P" + callBackDays + "D");
        variables.put(ProcessKeys.RETURNS, 0);
        variables.put(ProcessKeys.ACCEPT_DUE, new Date(ClockUtil.getCurrentTime().getTime() + acceptHours * 3_600_000L));
        return variables;
    }
}
