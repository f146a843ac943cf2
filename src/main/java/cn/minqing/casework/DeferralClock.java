package cn.minqing.casework;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * 挂账: while a case is deferred to a work plan its handling clock stands still, as while suspended (挂起): the yellow
 * and red timers wait at {@link SuspensionClock#NEVER}; when it comes back the deadlines move on by the time it stood
 * still (added to {@code handling.suspendedHours}), the timers and the handler's task with them. Deferral itself is
 * the plans' business ({@code cn.minqing.plans.Deferrals}); casework only stops and restarts the clock.
 */
@Service
public class DeferralClock {

    private final Cases cases;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    DeferralClock(Cases cases, RuntimeService runtime, ManagementService management, TaskService tasks) {
        this.cases = cases;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    /** Whether the case's process waits in a handler's stage (签收, 调研, 制定方案, 实施), where it may be deferred. */
    public boolean inHandlerStage(CaseRecord c) {
        return c.processInstanceId() != null && tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .list().stream().anyMatch(t -> Extensions.HANDLER_STAGES.contains(t.getTaskDefinitionKey()));
    }

    public void stop(String number) {
        CaseRecord c = cases.find(number).orElseThrow();
        cases.suspend(number, CaseClock.now());
        for (String timer : SuspensionClock.CLOCK_TIMERS) {
            for (Job job : timers(c.processInstanceId(), timer)) {
                management.setJobDuedate(job.getId(), SuspensionClock.NEVER);
            }
        }
    }

    /** The clock runs again; returns the hours it stood still. */
    public double restart(String number) {
        CaseRecord c = cases.find(number).orElseThrow();
        OffsetDateTime since = c.handling().suspendedSince();
        Duration stood = since == null ? Duration.ZERO : Duration.between(since, CaseClock.now());
        String pi = c.processInstanceId();
        if (pi == null || runtime.createProcessInstanceQuery().processInstanceId(pi).count() == 0) {
            return 0;
        }
        Date oldDue = (Date) runtime.getVariable(pi, ProcessKeys.RESOLVE_DUE);
        Date oldWarn = (Date) runtime.getVariable(pi, ProcessKeys.WARN_AT);
        if (oldDue == null || oldWarn == null) {
            return 0;
        }
        Date due = new Date(oldDue.getTime() + stood.toMillis());
        Date warnAt = new Date(oldWarn.getTime() + stood.toMillis());
        runtime.setVariable(pi, ProcessKeys.RESOLVE_DUE, due);
        runtime.setVariable(pi, ProcessKeys.WARN_AT, warnAt);
        cases.resume(number, at(due), at(warnAt), stood.toMinutes() / 60.0);
        for (String timer : SuspensionClock.CLOCK_TIMERS) {
            for (Job job : timers(pi, timer)) {
                management.setJobDuedate(job.getId(), timer.equals(DeadlinesMoved.OVERDUE_TIMER) ? due : warnAt);
            }
        }
        for (Task task : tasks.createTaskQuery().processInstanceId(pi).dueDate(oldDue).list()) {
            task.setDueDate(due);
            tasks.saveTask(task);
        }
        return stood.toMinutes() / 60.0;
    }

    private java.util.List<Job> timers(String processInstanceId, String timer) {
        return processInstanceId == null ? java.util.List.of() : management.createJobQuery()
                .processInstanceId(processInstanceId).activityId(timer).timers().list();
    }

    private static OffsetDateTime at(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
