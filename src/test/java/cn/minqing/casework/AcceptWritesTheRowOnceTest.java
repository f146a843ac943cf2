package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
import cn.minqing.support.ApiTest;
import cn.minqing.support.ProcessDeployments;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 受理 (accept) changes the case row once (issue 16: it wrote urgency, handler, deadlines and status in four updates,
 * each raising the row's version and firing its triggers): the urgency given, the handler the routing table chose,
 * the deadlines and 已派单 arrive together — on the current process version and on a case waiting at 受理 on the
 * version before (a running instance of bpmn-fixtures/grassroots-case-before-hotline.bpmn); the timeline, the
 * status the villager sees and the next stage are as before.
 */
class AcceptWritesTheRowOnceTest extends ApiTest {

    @Autowired
    Cases cases;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void acceptingWritesUrgencyHandlerDeadlinesAndStatusInOneUpdate() {
        String number = file("villager1", "水渠边的护栏倒了", "村东水渠边的护栏被车撞倒了，小孩上学要经过", "road");
        acceptedInOneUpdate(number);
    }

    @Test
    void aCaseWaitingAtIntakeOnTheVersionBeforeIsAcceptedTheSameWay() throws IOException {
        String number;
        String oldVersion;
        deploy("before-hotline", Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-hotline.bpmn"));
        try {
            number = file("villager1", "村小学门口的路灯不亮", "村小学门口那盏路灯坏了半个月了，晚上接孩子看不见", "road");
            oldVersion = processDefinitionOf(number);
        } finally {
            deploy("current", Path.of("processes/grassroots-case.bpmn"));
        }
        assertThat(oldVersion).as("the case runs on the version before")
                .isNotEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
                        .latestVersion().singleResult().getId());
        acceptedInOneUpdate(number);
        assertThat(processDefinitionOf(number)).isEqualTo(oldVersion);
        completeStage("admin", number, "sign", Map.of("outcome", "sign"));
        CaseRecord signed = cases.find(number).orElseThrow();
        assertThat(signed.handling().signedAt()).isNotNull();
        assertThat(signed.status()).as("on to 调研 on its own version").isEqualTo(CaseStatus.INVESTIGATING);
    }

    private void acceptedInOneUpdate(String number) {
        CaseRecord filed = cases.find(number).orElseThrow();
        assertThat(filed.urgency()).isNotEqualTo("complex");
        assertThat(filed.handlingOrg()).isNull();

        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "complex"));

        CaseRecord accepted = cases.find(number).orElseThrow();
        assertThat(accepted.version()).as("one update of the row").isEqualTo(filed.version() + 1);
        assertThat(accepted.urgency()).isEqualTo("complex");
        assertThat(accepted.handlingOrg()).isNotNull();
        assertThat(accepted.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(accepted.handling().signDue()).isNotNull();
        assertThat(accepted.handling().resolveDue()).isAfter(accepted.handling().signDue());
        assertThat(accepted.handling().warnAt()).isNotNull();

        JsonNode asSeen = get("villager1", "/api/cases/" + number).getBody();
        assertThat(asSeen.get("status").asText()).isEqualTo("dispatched");
        List<String> kinds = get("villager1", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind");
        assertThat(kinds).containsSubsequence("filed", "accepted", "dispatched");
        JsonNode sign = get("admin", "/api/tasks?caseNumber=" + number).getBody();
        assertThat(sign.findValuesAsText("stage")).containsExactly("sign");
    }

    private String processDefinitionOf(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult()
                .getProcessDefinitionId();
    }

    private void deploy(String name, Path file) throws IOException {
        ProcessDeployments.deploy(repository, "lag9-" + name, file);
    }
}
