package cn.minqing.casework;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.minqing.support.ApiTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/grassroots-case.bpmn, driven with camunda-bpm-assert on the app's engine. */
class GrassrootsCaseProcessTest extends ApiTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    private ProcessInstance start() {
        String number = "QS-TEST-" + System.nanoTime();
        return runtime.startProcessInstanceByKey(ProcessKeys.PROCESS, number, Map.of(
                ProcessKeys.CASE_NUMBER, number, ProcessKeys.VILLAGE_GROUP, "village:QS01001",
                ProcessKeys.HANDLER_GROUP, "org:QS01-GOV"));
    }

    @Test
    void acceptedCaseGoesThroughInvestigationDesignAndVerificationToSolved() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("accept");
        assertThat(task(pi)).hasCandidateGroup("village:QS01001");
        complete(task(pi), withVariables("outcome", "accept"));
        assertThat(pi).isWaitingAt("investigate");
        assertThat(task(pi)).hasCandidateGroup("org:QS01-GOV");
        complete(task(pi));
        assertThat(pi).isWaitingAt("design");
        complete(task(pi), withVariables("cost", 1000.0));
        assertThat(pi).isWaitingAt("verify");
        assertThat(task(pi)).hasCandidateGroup("village:QS01001");
        complete(task(pi), withVariables("outcome", "solved"));
        assertThat(pi).isEnded().hasPassed("solved");
    }

    @Test
    void verificationMayFindTheCaseUnsolvable() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("outcome", "accept"));
        complete(task(pi));
        complete(task(pi));
        complete(task(pi), withVariables("outcome", "unsolvable", "outcomeNote", "超出本级职权"));
        assertThat(pi).isEnded().hasPassed("unsolvable");
    }

    @Test
    void intakeMayRejectTheReport() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("outcome", "reject", "outcomeNote", "不属于受理范围"));
        assertThat(pi).isEnded().hasPassed("rejected").hasNotPassed("investigate");
    }

    @Test
    void intakeMayMergeADuplicate() {
        ProcessInstance pi = start();
        complete(task(pi), withVariables("outcome", "merge"));
        assertThat(pi).isEnded().hasPassed("merged");
    }
}
