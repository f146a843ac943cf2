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
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The urgency a cadre chooses at 受理 is on the case whatever 受理 decides. Accepted, it reaches the row with the
 * handler and deadlines (派单, {@link AcceptWritesTheRowOnceTest}); every other outcome of processes/grassroots-case.bpmn's
 * acceptDecision ends the case without that step — 不予受理 (reject), 重复 (merge into another case), 直接答复
 * (answer) — and writes it with the outcome, in the same update of the row. Also on a case waiting at 受理 on an older
 * version of the process.
 */
class IntakeUrgencyTest extends ApiTest {

    @Autowired
    Cases cases;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void aRejectedCaseKeepsTheUrgencyChosen() {
        String number = file("villager1", "邻居家狗半夜叫", "邻居家的狗每天半夜叫，吵得睡不着", "security");
        CaseRecord filed = cases.find(number).orElseThrow();
        completeStage("grid1", number, "accept", Map.of("outcome", "reject", "urgency", "emergency",
                "reason", "属于邻里纠纷，请先找村调解委员会"));
        assertEnded(number, CaseStatus.REJECTED, "emergency", filed);
    }

    @Test
    void aMergedCaseKeepsTheUrgencyChosen() {
        String into = file("villager1", "村口桥面塌了一块", "村口的桥面塌了一个坑，车子过不去", "road");
        String number = file("villager1", "桥上有个大坑", "村口那座桥上塌了个大坑，晚上看不见很危险", "road");
        CaseRecord filed = cases.find(number).orElseThrow();
        completeStage("grid1", number, "accept", Map.of("outcome", "merge", "urgency", "complex", "mergeInto", into));
        assertEnded(number, CaseStatus.MERGED, "complex", filed);
    }

    @Test
    void aCaseAnsweredDirectlyKeepsTheUrgencyChosen() {
        String number = file("villager1", "新农合怎么报销", "住院花了八千，新农合能报多少，要什么材料？", "medical");
        CaseRecord filed = cases.find(number).orElseThrow();
        completeStage("grid1", number, "accept", Map.of("outcome", "answer", "urgency", "emergency",
                "reply", "住院费用出院时在医院直接结算，带身份证和医保卡即可。"));
        assertEnded(number, CaseStatus.ANSWERED, "emergency", filed);
    }

    @Test
    void noUrgencyGivenLeavesItAsItWas() {
        String number = file("villager1", "问一下养老金标准", "今年城乡居民养老金每月多少钱？", "elderly");
        CaseRecord filed = cases.find(number).orElseThrow();
        completeStage("grid1", number, "accept", Map.of("outcome", "reject", "reason", "请向县社保局咨询"));
        assertThat(cases.find(number).orElseThrow().urgency()).isEqualTo(filed.urgency());
    }

    @Test
    void aWrongUrgencyIsRefusedWhateverTheOutcomeAndNothingIsStored() {
        String number = file("villager1", "路边垃圾堆", "路边垃圾堆了好久没人清", "sanitation");
        JsonNode task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0);
        ResponseEntity<JsonNode> refused = post("grid1", "/api/tasks/" + task.get("id").asText() + "/complete",
                Map.of("outcome", "reject", "urgency", "very", "reason", "不归我们管"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().toString()).contains("\"urgency\"");
        ResponseEntity<JsonNode> both = post("grid1", "/api/tasks/" + task.get("id").asText() + "/complete",
                Map.of("outcome", "reject", "urgency", "very"));
        assertThat(both.getStatusCode().value()).isEqualTo(400);
        assertThat(both.getBody().toString()).as("every wrong field named").contains("\"urgency\"", "\"reason\"");
        CaseRecord after = cases.find(number).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(after.urgency()).isNotEqualTo("very");
    }

    @Test
    void aCaseWaitingAtIntakeOnAnOlderVersionKeepsTheUrgencyChosen() throws IOException {
        String number;
        String oldVersion;
        deploy("before-call-back", Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-call-back.bpmn"));
        try {
            number = file("villager1", "低保多久审一次", "低保户每年要重新审核吗？什么时候？", "subsidy");
            var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
            oldVersion = instance.getProcessDefinitionId();
            // as the app of that version started its instances (the wait for a rating was a variable then)
            runtime.setVariable(instance.getId(), "feedbackWait", "P7D");
        } finally {
            deploy("current", Path.of("processes/grassroots-case.bpmn"));
        }
        assertThat(oldVersion).isNotEqualTo(repository.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessKeys.PROCESS).latestVersion().singleResult().getId());
        CaseRecord filed = cases.find(number).orElseThrow();
        completeStage("grid1", number, "accept", Map.of("outcome", "answer", "urgency", "complex",
                "reply", "低保每年复核一次，由乡镇组织，一般在年底。"));
        assertEnded(number, CaseStatus.ANSWERED, "complex", filed);
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).singleResult();
        assertThat(instance.getProcessDefinitionId()).as("on its own version").isEqualTo(oldVersion);
    }

    /** The outcome and the urgency on the row, in one update, and as the API shows it to the cadre and the reporter. */
    private void assertEnded(String number, CaseStatus outcome, String urgency, CaseRecord filed) {
        CaseRecord ended = cases.find(number).orElseThrow();
        assertThat(ended.status()).isEqualTo(outcome);
        assertThat(ended.urgency()).isEqualTo(urgency);
        assertThat(ended.version()).as("one update of the row").isEqualTo(filed.version() + 1);
        JsonNode asCadre = get("grid1", "/api/cases/" + number).getBody();
        assertThat(asCadre.path("status").asText()).isEqualTo(outcome.code());
        assertThat(asCadre.path("urgency").asText()).isEqualTo(urgency);
        JsonNode asReporter = get("villager1", "/api/cases/" + number).getBody();
        assertThat(asReporter.path("urgency").asText()).isEqualTo(urgency);
    }

    private void deploy(String name, Path file) throws IOException {
        ProcessDeployments.deploy(repository, "mend10-" + name, file);
    }
}
