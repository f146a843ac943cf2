package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN tables admins edit: processes/case-routing.dmn and processes/case-deadlines.dmn. */
class RoutingTablesTest extends ApiTest {

    @Autowired
    DecisionService decisions;

    private DmnDecisionRuleResult route(String category, String urgency) {
        return decisions.evaluateDecisionTableByKey("case-routing",
                Map.of("category", category, "townshipCode", "QS01", "urgency", urgency)).getSingleResult();
    }

    @Test
    void powerAndTelecomGoToTheirCompaniesWhateverTheUrgency() {
        assertThat((String) route("power", "general").getEntry("organisation")).isEqualTo("QS-POWER");
        assertThat((String) route("telecom", "emergency").getEntry("organisation")).isEqualTo("QS-IT");
    }

    @Test
    void complexWaterAndRoadCasesGoToCountyBureaus() {
        assertThat((String) route("water", "complex").getEntry("organisation")).isEqualTo("QS-WATER");
        assertThat((String) route("irrigation", "emergency").getEntry("organisation")).isEqualTo("QS-WATER");
        assertThat((String) route("road", "complex").getEntry("organisation")).isEqualTo("QS-TRANSPORT");
        assertThat((String) route("employment", "general").getEntry("organisation")).isEqualTo("QS-HRSS");
    }

    @Test
    void everythingElseGoesToTheTownshipOffice() {
        assertThat((String) route("water", "general").getEntry("organisation")).isEqualTo("township");
        assertThat((String) route("road", "general").getEntry("organisation")).isEqualTo("township");
        assertThat((String) route("elderly", "complex").getEntry("organisation")).isEqualTo("township");
        assertThat((String) route("security", "general").getEntry("organisation")).isEqualTo("township");
        assertThat((String) route("security", "emergency").getEntry("organisation")).isEqualTo("QS-POLICE");
        assertThat((String) route("other", "general").getEntry("deadlineClass")).isEqualTo("general");
    }

    @Test
    void theTablesAreAskedThroughRememberedFeel() {
        // the FEEL cells are answered by the Scala engine, with the answers that cannot change kept (issue 16: 受理's CPU)
        org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration =
                (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine().getClass().getSimpleName())
                .isEqualTo("RememberedFeel");
    }

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void deadlinesPerClass() {
        DmnDecisionRuleResult emergency = decisions.evaluateDecisionTableByKey("case-deadlines",
                Map.of("deadlineClass", "emergency")).getSingleResult();
        assertThat(((Number) emergency.getEntry("signHours")).intValue()).isEqualTo(2);
        assertThat(((Number) emergency.getEntry("resolveHours")).intValue()).isEqualTo(24);
        DmnDecisionRuleResult complex = decisions.evaluateDecisionTableByKey("case-deadlines",
                Map.of("deadlineClass", "complex")).getSingleResult();
        assertThat(((Number) complex.getEntry("resolveWorkingDays")).intValue()).isEqualTo(15);
    }
}
