package cn.minqing.casework;

import cn.minqing.cases.CoOrganisation;
import cn.minqing.cases.Cases;
import cn.minqing.people.TaskGroups;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the BPMN's multi-instance tasks iterate over: the co-organisations still to report (协办, {@code co-handle})
 * and the organisations that sign the plan (会签, {@code cosign}), each task for its organisation's group.
 */
@Component("coHandlingPlan")
public class CoHandlingPlan {

    private final Cases cases;

    CoHandlingPlan(Cases cases) {
        this.cases = cases;
    }

    /** The co-organisations named at design that have not reported: one {@code co-handle} task each. */
    public List<String> organisations(String caseNumber) {
        return cases.find(caseNumber).map(c -> c.handling().coOrganisations()).orElse(List.of()).stream()
                .filter(CoOrganisation::waiting).map(CoOrganisation::code).toList();
    }

    /** The task group of an organisation's staff. */
    public String group(String organisationCode) {
        return TaskGroups.organisation(organisationCode);
    }

    /** A comma-separated list of codes (process variables stay plain strings, never serialized Java objects). */
    public List<String> split(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.stream(codes.split(",")).map(String::strip).toList();
    }
}
