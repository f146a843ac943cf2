package cn.minqing.casework;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work on cases: the tasks one may work, claiming them, and completing a stage. */
@Service
public class Casework {

    private final TaskService tasks;
    private final TaskList taskList;
    private final Cases cases;
    private final Timeline timeline;
    private final StageRules rules;
    private final AuditLog audit;
    private final IntakeCorrections corrections;
    private final TemplateText templateText;
    private final CoHandling coHandling;

    Casework(TaskService tasks, TaskList taskList, Cases cases, Timeline timeline, StageRules rules,
              AuditLog audit, IntakeCorrections corrections, TemplateText templateText, CoHandling coHandling) {
        this.coHandling = coHandling;
        this.templateText = templateText;
        this.corrections = corrections;
        this.audit = audit;
        this.tasks = tasks;
        this.taskList = taskList;
        this.cases = cases;
        this.timeline = timeline;
        this.rules = rules;
    }

    /** My tasks and my groups' unclaimed tasks, earliest deadline first. */
    @Transactional(readOnly = true)
    public List<TaskView> tasksFor(CurrentUser user, TaskFilter filter) {
        return taskList.find(user, filter);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> countsFor(CurrentUser user, TaskFilter filter) {
        return taskList.countsByStage(user, filter);
    }

    @Transactional
    public TaskView claim(String taskId, CurrentUser user) {
        TaskView task = workable(taskId, user);
        if (task.assignee() == null) {
            tasks.claim(taskId, user.username());
            timeline.record(task.caseNumber(), user.username(), "claimed", task.stage(), null);
            audit.record(user.username(), "task.claimed", task.caseNumber(), task.stage());
        }
        return workable(taskId, user);
    }

    /** Completes the stage with the person's input; everything it changes commits together or not at all. */
    @Transactional
    public void complete(String taskId, CurrentUser user, CompletionForm given) {
        TaskView task = workable(taskId, user);
        Stage stage = Stage.of(task.stage());
        CaseRecord c = cases.find(task.caseNumber()).orElseThrow();
        CompletionForm form = templateText.apply(stage, given, c, user); // 答复模板: the filled-in words as the stage's text
        boolean mustTake = stage == Stage.SIGN && Boolean.TRUE.equals(tasks.getVariable(taskId, ProcessKeys.MUST_TAKE));
        IntakeCorrections.Correction fix = stage == Stage.ACCEPT ? corrections.check(form, c) : null;
        StageRules.Completion done = rules.check(stage, form, c, mustTake, user);
        done = jointWork(taskId, stage, form, c, done);
        Map<String, Object> variables = new java.util.HashMap<>(done.variables());
        if (fix != null && !fix.isEmpty() && List.of("accept", "answer").contains(form.outcome())) {
            variables.putAll(corrections.apply(c, fix, user.username())); // routing follows the corrected ones
        }
        apply(c.number(), done, user);
        timeline.record(c.number(), user.username(), done.kind(), stage.code(), done.note());
        AssignedCompletion.run(tasks, taskId, task.assignee() == null ? user.username() : null, variables);
        audit.record(user.username(), "task.completed", c.number(), stage.code() + ": " + done.kind());
    }

    /**
     * 协办 and 会签: the plan's co-organisations are kept with the case; a report or a signature is recorded for its
     * organisation, and the timeline says whose it is.
     */
    private StageRules.Completion jointWork(String taskId, Stage stage, CompletionForm form, CaseRecord c,
                                            StageRules.Completion done) {
        if (stage == Stage.DESIGN) {
            coHandling.save(c.number(), coHandling.plan(form, c));
            return done;
        }
        if (stage != Stage.CO_HANDLE && stage != Stage.COSIGN) {
            return done;
        }
        String unit = (String) tasks.getVariable(taskId, stage == Stage.CO_HANDLE ? ProcessKeys.CO_ORGANISATION : ProcessKeys.COSIGNER);
        if (stage == Stage.CO_HANDLE) {
            coHandling.reported(c.number(), unit);
        }
        String name = coHandling.nameOf(unit);
        return done.withNote(done.note() == null ? name : name + "：" + done.note());
    }

    private void apply(String number, StageRules.Completion done, CurrentUser user) {
        OffsetDateTime now = CaseClock.now();
        // an accepted case's urgency (done.urgency(), a process variable) reaches the row with its handler and
        // deadlines, in the same command (DeadlinesPlanned): one update of the row for 受理
        if (done.mergeInto() != null) {
            cases.addSupporter(done.mergeInto());
            timeline.record(done.mergeInto(), user.username(), "merged-in", "accept", "合并了重复诉求 " + number);
        }
        if (done.signed()) {
            cases.markSigned(number, now);
        }
        if (done.cost() != null) {
            cases.setEstimatedCost(number, done.cost());
        }
        if (done.rating() != null && done.kind().equals("rated-by-phone")) {
            cases.rateByPhone(number, done.rating(), done.note(), now);
        } else if (done.rating() != null) {
            cases.rate(number, done.rating(), done.note(), now);
        }
    }

    private TaskView workable(String taskId, CurrentUser user) {
        TaskView task = taskList.visible(user, taskId).orElseThrow(() -> ApiException.notFound("task.notFound"));
        if (task.assignee() != null && !task.assignee().equals(user.username()) && !user.is(cn.minqing.people.Role.ADMIN)) {
            // named as people know them (刘志强（石门镇）), never by user name
            throw ApiException.conflict("task.claimedByOther", task.assigneeName() != null ? task.assigneeName() : "其他工作人员");
        }
        return task;
    }
}
