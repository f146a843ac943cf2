package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.people.TaskGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Who handles a case: the organisation routing chose, a township's office, or the county centre (兜底). */
@Component
class Handlers {

    static final String TOWNSHIP_OFFICE = "township";
    private final Organisations organisations;
    private final Cases cases;
    private final Timeline timeline;
    private final String countyCode;

    Handlers(Organisations organisations, Cases cases, Timeline timeline, @Value("${minqing.county-code}") String countyCode) {
        this.organisations = organisations;
        this.cases = cases;
        this.timeline = timeline;
        this.countyCode = countyCode;
    }

    /** A routing result: an organisation code, or "township" for the office of the case's township. */
    Organisation resolve(String routed, String townshipCode) {
        if (TOWNSHIP_OFFICE.equals(routed)) {
            return organisations.ofKindIn("township-office", townshipCode).orElseGet(this::countyCentre);
        }
        return organisations.find(routed).orElseGet(this::countyCentre);
    }

    Organisation countyCentre() {
        return organisations.ofKindIn("county-centre", countyCode)
                .orElseThrow(() -> new IllegalStateException("The county has no county centre organisation"));
    }

    String leaders() {
        return TaskGroups.leaders(countyCode);
    }

    /** Hands the case to an organisation: its staff get the next tasks; the timeline says so. */
    void assign(DelegateExecution execution, Organisation org, String kind) {
        choose(execution, org, kind);
        cases.assignHandler((String) execution.getVariable(ProcessKeys.CASE_NUMBER), org.code());
    }

    /**
     * As {@link #assign}, but the case row learns its handler later in the same command, with the deadlines
     * ({@link DeadlinesPlanned}, one update of the row instead of two): the process and the timeline already name it.
     */
    void choose(DelegateExecution execution, Organisation org, String kind) {
        String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
        execution.setVariable(ProcessKeys.HANDLER_ORG, org.code());
        execution.setVariable(ProcessKeys.HANDLER_GROUP, TaskGroups.organisation(org.code()));
        timeline.record(number, "system", kind, "dispatch", "派至 " + org.name());
    }
}
