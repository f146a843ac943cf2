package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.TaskGroups;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Starts the grassroots-case process for a filed case (business key = case number). Intake review
 * goes to the village's grid members and cadres; investigation and design to the township office.
 */
@Component
public class CaseProcess {

    private final RuntimeService runtime;
    private final Cases cases;
    private final Regions regions;
    private final Organisations organisations;

    CaseProcess(RuntimeService runtime, Cases cases, Regions regions, Organisations organisations) {
        this.runtime = runtime;
        this.cases = cases;
        this.regions = regions;
        this.organisations = organisations;
    }

    public void start(String caseNumber, String villageCode) {
        Organisation handler = handlerFor(villageCode);
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.PROCESS, caseNumber, Map.of(
                ProcessKeys.CASE_NUMBER, caseNumber,
                ProcessKeys.VILLAGE_GROUP, TaskGroups.village(villageCode),
                ProcessKeys.HANDLER_GROUP, TaskGroups.organisation(handler.code())));
        cases.linkProcess(caseNumber, instance.getId());
        cases.assignHandler(caseNumber, handler.code());
    }

    /** The township office of the village's township, else the county centre (兜底). */
    private Organisation handlerFor(String villageCode) {
        Region village = regions.find(villageCode).orElseThrow();
        return organisations.ofKindIn("township-office", village.parentCode())
                .or(() -> regions.find(village.parentCode()).flatMap(t -> organisations.ofKindIn("county-centre", t.parentCode())))
                .orElseThrow(() -> new IllegalStateException("No township office or county centre for " + villageCode));
    }
}
