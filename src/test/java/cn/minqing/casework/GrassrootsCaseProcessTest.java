package cn.minqing.casework;

import cn.minqing.people.TaskGroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.minqing.support.ApiTest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/grassroots-case.bpmn with camunda-bpm-assert on the app's engine; the job
 * executor is off in tests, so timers are fired by hand with the engine clock moved forward.
 */
class GrassrootsCaseProcessTest extends ApiTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseProcess caseProcess;

    @BeforeEach
    void setUp() {
        init(engine);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-28T02:00:00Z"))); // a Monday, 10:00 in Beijing
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Starts a water case in 李家村 (villager1, grid1, township1 of 石门镇). */
    private ProcessInstance start(String category) {
        String number = "QS-TEST-" + System.nanoTime();
        caseProcess.start(number, "QS01001", category, "villager1");
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private static ProcessInstanceAssert assertThatProcess(ProcessInstance pi) {
        return BpmnAwareTests.assertThat(pi);
    }

    private ProcessInstance acceptedAndSigned(String category, String urgency) {
        ProcessInstance pi = start(category);
        assertThatProcess(pi).isWaitingAt("accept");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("village:QS01001");
        complete(task(pi), withVariables("outcome", "accept", "urgency", urgency));
        assertThatProcess(pi).isWaitingAt("sign");
        complete(task(pi), withVariables("outcome", "sign"));
        assertThatProcess(pi).isWaitingAt("investigate");
        return pi;
    }

    private void designWithoutApproval(ProcessInstance pi) {
        complete(task(pi));
        complete(task("design", pi), withVariables("needsApproval", false));
        assertThatProcess(pi).isWaitingAt("implement");
    }

    @Test
    void solvedAndSatisfied() {
        ProcessInstance pi = acceptedAndSigned("road", "general");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("org:QS01-GOV");
        designWithoutApproval(pi);
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        assertThatProcess(pi).isWaitingAt("feedback");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateUser("villager1");
        complete(task(pi), withVariables("rating", "satisfied"));
        assertThatProcess(pi).isEnded().hasPassed("solved");
    }

    @Test
    void intakeRejects() {
        ProcessInstance pi = start("security");
        complete(task(pi), withVariables("outcome", "reject", "outcomeNote", "不属于受理范围"));
        assertThatProcess(pi).isEnded().hasPassed("rejected").hasNotPassed("route");
    }

    @Test
    void intakeMergesADuplicate() {
        ProcessInstance pi = start("road");
        complete(task(pi), withVariables("outcome", "merge"));
        assertThatProcess(pi).isEnded().hasPassed("merged");
    }

    @Test
    void routingSendsComplexWaterCasesToTheWaterBureau() {
        ProcessInstance pi = start("water");
        complete(task(pi), withVariables("outcome", "accept", "urgency", "complex"));
        assertThatProcess(pi).isWaitingAt("sign");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("org:QS-WATER");
    }

    @Test
    void aReturnGoesBackToDispatchForReRouting() {
        ProcessInstance pi = start("farm-sales");
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general"));
        complete(task(pi), withVariables("outcome", "return"));
        assertThatProcess(pi).isWaitingAt("dispatch").variables().containsEntry("returns", 1);
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("org:QS-CENTRE");
        complete(task(pi), withVariables("organisation", "QS-AGRI"));
        assertThatProcess(pi).isWaitingAt("sign");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("org:QS-AGRI");
    }

    @Test
    void theSecondReturnSendsTheCaseToTheCountyCentreWhichMustTakeIt() {
        ProcessInstance pi = start("farm-sales");
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general"));
        complete(task(pi), withVariables("outcome", "return"));
        complete(task(pi), withVariables("organisation", "QS-AGRI"));
        complete(task(pi), withVariables("outcome", "return"));
        assertThatProcess(pi).isWaitingAt("sign").hasPassed("countyCentreTakes").variables()
                .containsEntry("returns", 2).containsEntry("mustTake", true);
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("org:QS-CENTRE");
    }

    @Test
    void approvalApprovedAndRejected() {
        ProcessInstance pi = acceptedAndSigned("road", "general");
        complete(task(pi));
        complete(task(pi), withVariables("needsApproval", true));
        assertThatProcess(pi).isWaitingAt("approve");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("leaders:QS");
        complete(task(pi), withVariables("outcome", "reject"));
        assertThatProcess(pi).isWaitingAt("design");
        complete(task(pi), withVariables("needsApproval", true));
        complete(task(pi), withVariables("outcome", "approve"));
        assertThatProcess(pi).isWaitingAt("implement");
    }

    @Test
    void dissatisfiedSendsTheCaseBackForRework() {
        ProcessInstance pi = acceptedAndSigned("water", "general");
        designWithoutApproval(pi);
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        complete(task(pi), withVariables("rating", "dissatisfied"));
        assertThatProcess(pi).hasPassed("recordRework").isWaitingAt("implement").variables().containsEntry("rework", true);
    }

    @Test
    void noResponseIsRecordedNotCountedAsSatisfied() {
        ProcessInstance pi = acceptedAndSigned("water", "general");
        designWithoutApproval(pi);
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        execute(job("noResponse", pi));
        // 电话回访 first: the county centre phones the villager; only when that runs out too is no-response recorded
        assertThatProcess(pi).isWaitingAt("call-back").hasNotPassed("recordNoResponse");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup(TaskGroups.organisation("QS-CENTRE"));
        execute(job("callBackMissed", pi));
        assertThatProcess(pi).isEnded().hasPassed("recordNoResponse", "solved").variables()
                .containsEntry("rating", "no-response");
    }

    @Test
    void aRatingGivenOnTheCallBackDecidesLikeTheVillagersOwn() {
        ProcessInstance pi = acceptedAndSigned("water", "general");
        designWithoutApproval(pi);
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "solved"));
        execute(job("noResponse", pi));
        complete(task("call-back", pi), withVariables("rating", "dissatisfied"));
        assertThatProcess(pi).hasPassed("call-back", "recordRework").hasNotPassed("recordNoResponse").isWaitingAt("implement");
    }

    @Test
    void verificationMayFindTheCaseUnsolvable() {
        ProcessInstance pi = acceptedAndSigned("other", "general");
        designWithoutApproval(pi);
        complete(task(pi));
        complete(task(pi), withVariables("verdict", "unsolvable", "outcomeNote", "超出本级职权"));
        assertThatProcess(pi).isEnded().hasPassed("unsolvable").hasNotPassed("feedback");
    }

    @Test
    void yellowAt75PercentThenRedAndSupervisionWhenOverdue() {
        ProcessInstance pi = acceptedAndSigned("road", "general");
        Date warnAt = (Date) runtime.getVariable(pi.getId(), "warnAt");
        Date resolveDue = (Date) runtime.getVariable(pi.getId(), "resolveDue");
        // accepted Monday 2026-09-28 10:00; 7 working days skip the National Day week and count Sat 10 Oct: due Tue 13 Oct
        assertThat(resolveDue.toInstant()).isEqualTo(Instant.parse("2026-10-13T02:00:00Z"));
        assertThat(warnAt).isBefore(resolveDue);

        ClockUtil.setCurrentTime(warnAt);
        execute(job("deadlineWarning", pi));
        assertThatProcess(pi).hasPassed("flagYellow").isWaitingAt("investigate");

        ClockUtil.setCurrentTime(resolveDue);
        execute(job("deadlinePassed", pi));
        assertThatProcess(pi).hasPassed("flagRed").isWaitingAt("investigate", "supervise");
        BpmnAwareTests.assertThat(task("supervise", pi)).hasCandidateGroup("leaders:QS");
        complete(task("supervise", pi));
        assertThatProcess(pi).isWaitingAt("investigate");
    }

    @Test
    void emergenciesMustBeSignedWithinTwoHoursAndResolvedWithin24() {
        ProcessInstance pi = start("road");
        complete(task(pi), withVariables("outcome", "accept", "urgency", "emergency"));
        Date signDue = (Date) runtime.getVariable(pi.getId(), "signDue");
        Date resolveDue = (Date) runtime.getVariable(pi.getId(), "resolveDue");
        assertThat(signDue.toInstant()).isEqualTo(Instant.parse("2026-09-28T04:00:00Z"));
        assertThat(resolveDue.toInstant()).isEqualTo(Instant.parse("2026-09-29T02:00:00Z"));
        assertThat(task(pi).getDueDate()).isEqualTo(signDue);
    }

    @Test
    void aDirectAnswerEndsAtIntakeAndStillAsksTheVillagerToRate() {
        ProcessInstance pi = start("other");
        complete(task(pi), withVariables("outcome", "answer", "outcomeNote", "请到乡镇便民服务中心办理"));
        assertThatProcess(pi).isWaitingAt("rateAnswer").hasPassed("answerGiven").hasNotPassed("route");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateUser("villager1");
        complete(task(pi), withVariables("rating", "basically"));
        assertThatProcess(pi).isEnded().hasPassed("answerRated").hasNotPassed("solved", "rejected");
    }

    @Test
    void anUnratedDirectAnswerIsRecordedAsNoResponse() {
        ProcessInstance pi = start("other");
        complete(task(pi), withVariables("outcome", "answer", "outcomeNote", "已电话答复"));
        assertThatProcess(pi).isWaitingAt("rateAnswer");
        execute(job(pi));
        assertThatProcess(pi).isEnded().hasPassed("recordAnswerNoResponse", "answerUnrated")
                .variables().containsEntry("rating", "no-response");
    }

    @Test
    void aCategoryCorrectedAtIntakeIsRoutedByTheCorrectedOne() {
        ProcessInstance pi = start("water");
        complete(task(pi), withVariables("outcome", "accept", "urgency", "general", "category", "power"));
        assertThatProcess(pi).isWaitingAt("sign");
        BpmnAwareTests.assertThat(task(pi)).hasCandidateGroup("org:QS-POWER");
    }
}
