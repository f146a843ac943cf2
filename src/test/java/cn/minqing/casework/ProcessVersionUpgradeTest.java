package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.minqing.support.ApiTest;
import cn.minqing.support.ProcessDeployments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import cn.minqing.people.TaskGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new layout of processes/grassroots-case.bpmn deploys a new process version; a case started on the version
 * before (the file as it was before issue 14, kept as a test fixture) still finishes after it.
 */
class ProcessVersionUpgradeTest extends ApiTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseProcess caseProcess;
    @Autowired
    CaseSettings settings;

    @Test
    void aCaseStartedOnTheOldLayoutFinishesAfterTheNewOneIsDeployed() throws IOException {
        init(engine);
        deploy("before-layout", Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-layout.bpmn"));
        String number = "QS-UPGRADE-" + System.nanoTime();
        startedByTheOldCode(number, "road");
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        ProcessDefinition old = repository.getProcessDefinition(pi.getProcessDefinitionId());
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general"));
        complete(task(pi), withVariables("outcome", "return"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("dispatch");

        deploy("new-layout", Path.of("processes/grassroots-case.bpmn"));
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isGreaterThan(old.getVersion());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(old.getId());

        complete(task(pi), withVariables("organisation", "QS01-GOV"));
        complete(task(pi), withVariables("outcome", "sign"));
        complete(task(pi));
        complete(task("design", pi), withVariables("needsApproval", false));
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        complete(task(pi), withVariables("rating", "dissatisfied"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("implement");
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        complete(task(pi), withVariables("rating", "satisfied"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("solved", "recordReturn", "recordRework");

        String next = "QS-UPGRADE-" + System.nanoTime();
        caseProcess.start(next, "QS01001", "road", "villager1");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(next).singleResult()
                .getProcessDefinitionId()).isEqualTo(latest.getId());
    }

    /**
     * Issue 18's version (direct answers, corrections at intake, …): a case started on the version before it (kept as
     * bpmn-fixtures/grassroots-case-before-hotline.bpmn) finishes on its own version, and new cases may take the new
     * paths.
     */
    @Test
    void aCaseStartedBeforeTheHotlinePathsFinishesOnItsVersion() throws IOException {
        init(engine);
        deploy("before-hotline", Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-hotline.bpmn"));
        String number = "QS-UPGRADE-" + System.nanoTime();
        startedByTheOldCode(number, "road");
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        String old = pi.getProcessDefinitionId();
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general"));
        complete(task(pi), withVariables("outcome", "sign"));

        deploy("hotline", Path.of("processes/grassroots-case.bpmn"));
        complete(task(pi));
        complete(task("design", pi), withVariables("needsApproval", false));
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        complete(task(pi), withVariables("rating", "satisfied"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("solved");
        assertThat(old).isNotEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
                .latestVersion().singleResult().getId());

        String next = "QS-UPGRADE-" + System.nanoTime();
        caseProcess.start(next, "QS01001", "other", "villager1");
        ProcessInstance answered = runtime.createProcessInstanceQuery().processInstanceBusinessKey(next).singleResult();
        complete(task(answered), withVariables("outcome", "answer", "outcomeNote", "已答复"));
        BpmnAwareTests.assertThat(answered).isWaitingAt("rateAnswer");
    }

    /**
     * The call-back version (电话回访): a case waiting for the villager's rating on the version before it (kept as
     * bpmn-fixtures/grassroots-case-before-call-back.bpmn) finishes there — no call-back task appears for it — while
     * a case started afterwards gets the call-back.
     */
    @Test
    void aCaseWaitingForItsRatingBeforeTheCallBackFinishesOnItsVersion() throws IOException {
        init(engine);
        deploy("before-call-back", Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-call-back.bpmn"));
        ProcessInstance pi = startedAndVerified(true);
        String old = pi.getProcessDefinitionId();
        BpmnAwareTests.assertThat(pi).isWaitingAt("feedback");

        deploy("call-back", Path.of("processes/grassroots-case.bpmn"));
        assertThat(old).isNotEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
                .latestVersion().singleResult().getId());
        execute(job("noResponse", pi));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("recordNoResponse").hasNotPassed("call-back");

        ProcessInstance next = startedAndVerified(false);
        assertThat(next.getProcessDefinitionId()).isNotEqualTo(old);
        execute(job("noResponse", next));
        BpmnAwareTests.assertThat(next).isWaitingAt("call-back");
        complete(task("call-back", next), withVariables("rating", "satisfied"));
        BpmnAwareTests.assertThat(next).isEnded().hasPassed("call-back", "solved").hasNotPassed("recordNoResponse");
    }

    /**
     * The joint-handling version (协办, 会签): a case waiting at design on the version before it (kept as
     * bpmn-fixtures/grassroots-case-before-co-handling.bpmn) goes on from design straight to approval or
     * implementation there and finishes; a case started afterwards passes the co-signing rule and, with
     * co-organisations, the co-handle tasks.
     */
    @Test
    void aCaseAtDesignBeforeJointHandlingFinishesOnItsVersion() throws IOException {
        init(engine);
        deploy("before-co-handling", Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-co-handling.bpmn"));
        ProcessInstance pi = startedAndDesigning(true);
        String old = pi.getProcessDefinitionId();
        deploy("co-handling", Path.of("processes/grassroots-case.bpmn"));
        assertThat(old).isNotEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
                .latestVersion().singleResult().getId());
        complete(task("design", pi), withVariables("needsApproval", false));
        BpmnAwareTests.assertThat(pi).isWaitingAt("implement");
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        complete(task("feedback", pi), withVariables("rating", "satisfied"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("solved").hasNotPassed("cosignRule", "co-handle");

        ProcessInstance next = startedAndDesigning(false);
        assertThat(next.getProcessDefinitionId()).isNotEqualTo(old);
        complete(task("design", next), withVariables("needsApproval", false, "cost", 100.0, "coOrganisationCount", 0,
                "cosigners", "QS01-GOV", "cosignRefused", false));
        BpmnAwareTests.assertThat(next).hasPassed("cosignRule").hasNotPassed("cosign").isWaitingAt("implement");
    }

    private ProcessInstance startedAndDesigning(boolean byTheOldCode) {
        String number = "QS-UPGRADE-" + System.nanoTime();
        start(number, byTheOldCode);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general"));
        complete(task(pi), withVariables("outcome", "sign"));
        complete(task(pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("design");
        return pi;
    }

    private ProcessInstance startedAndVerified(boolean byTheOldCode) {
        String number = "QS-UPGRADE-" + System.nanoTime();
        start(number, byTheOldCode);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general"));
        complete(task(pi), withVariables("outcome", "sign"));
        complete(task(pi));
        complete(task("design", pi), withVariables("needsApproval", false));
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        return pi;
    }

    /**
     * Issue 16's version: the county centre's and leaders' groups and the rating waits are read from caseSettings, no
     * longer copied into every case's variables. A case started by the code before it (its copies in its variables,
     * on the version kept as bpmn-fixtures/grassroots-case-before-case-settings.bpmn) is returned, re-dispatched,
     * approved and called back on its version after the new one is deployed; a new case takes the same path
     * on the new version with none of those variables.
     */
    @Test
    void aCaseStartedWithTheCountysGroupsInItsVariablesFinishesOnItsVersion() throws IOException {
        init(engine);
        deploy("before-case-settings", Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-case-settings.bpmn"));
        String number = "QS-UPGRADE-" + System.nanoTime();
        startedByTheOldCode(number, "road");
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        String old = pi.getProcessDefinitionId();
        deploy("case-settings", Path.of("processes/grassroots-case.bpmn"));
        assertThat(old).isNotEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS)
                .latestVersion().singleResult().getId());
        returnedApprovedAndCalledBack(pi);

        String next = "QS-UPGRADE-" + System.nanoTime();
        caseProcess.start(next, "QS01001", "road", "villager1");
        ProcessInstance fresh = runtime.createProcessInstanceQuery().processInstanceBusinessKey(next).singleResult();
        assertThat(fresh.getProcessDefinitionId()).isNotEqualTo(old);
        assertThat(runtime.getVariables(fresh.getId())).doesNotContainKeys("dispatcherGroup", "leaderGroup",
                "supervisorGroup", "feedbackWait", "callBackWait", "returns");
        returnedApprovedAndCalledBack(fresh);
    }

    private void returnedApprovedAndCalledBack(ProcessInstance pi) {
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general"));
        complete(task(pi), withVariables("outcome", "return"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("dispatch");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup(settings.dispatcherGroup());
        complete(task(pi), withVariables("organisation", "QS01-GOV"));
        complete(task(pi), withVariables("outcome", "sign"));
        complete(task(pi));
        complete(task("design", pi), withVariables("needsApproval", true, "cost", 100.0, "coOrganisationCount", 0,
                "cosigners", "QS01-GOV", "cosignRefused", false));
        BpmnAwareTests.assertThat(pi).isWaitingAt("approve");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup(settings.leaderGroup());
        complete(task("approve", pi), withVariables("outcome", "approve"));
        complete(task("implement", pi));
        complete(task(pi), withVariables("verdict", "solved"));
        execute(job("noResponse", pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("call-back");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup(settings.dispatcherGroup());
        execute(job("callBackMissed", pi));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("recordReturn", "recordNoResponse", "solved");
    }

    private void start(String number, boolean byTheOldCode) {
        if (byTheOldCode) {
            startedByTheOldCode(number, "road");
        } else {
            caseProcess.start(number, "QS01001", "road", "villager1");
        }
    }

    /** A case as CaseProcess started it before issue 16: the county's groups and waits copied into its variables. */
    private void startedByTheOldCode(String number, String category) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", number);
        variables.put("reporter", "villager1");
        variables.put("category", category);
        variables.put("townshipCode", "QS01");
        variables.put("villageGroup", TaskGroups.village("QS01001"));
        variables.put("dispatcherGroup", settings.dispatcherGroup());
        variables.put("leaderGroup", settings.leaderGroup());
        variables.put("supervisorGroup", settings.leaderGroup());
        variables.put("feedbackWait", "P7D");
        variables.put("callBackWait", "P2D");
        variables.put("returns", 0);
        variables.put("acceptDue", new Date(System.currentTimeMillis() + 24 * 3_600_000L));
        runtime.startProcessInstanceByKey(ProcessKeys.PROCESS, number, variables);
    }

    private void deploy(String name, Path file) throws IOException {
        ProcessDeployments.deploy(repository, "issue-14-" + name, file);
    }
}
