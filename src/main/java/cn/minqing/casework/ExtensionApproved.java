package cn.minqing.casework;

import cn.minqing.cases.Cases;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 延期 approved by the county centre: the resolve deadline moves to the date asked for, the yellow warning to 75% of
 * the new time allowed (counted from when the case was dispatched), the timers that have not fired move with them and
 * the handler's open task shows the new deadline. A yellow flag already raised is lowered and re-armed
 * ({@code rearmWarning}: the process waits for the new warning time and raises it again).
 */
@Component("extensionApproved")
class ExtensionApproved implements JavaDelegate {

    static final String REARMED_WARNING = "newWarning";

    private final Cases cases;
    private final ManagementService management;
    private final TaskService tasks;

    ExtensionApproved(Cases cases, ManagementService management, TaskService tasks) {
        this.cases = cases;
        this.management = management;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
        String pi = execution.getProcessInstanceId();
        Date oldDue = (Date) execution.getVariable(ProcessKeys.RESOLVE_DUE);
        Date newDue = (Date) execution.getVariable(ProcessKeys.EXTENSION_UNTIL);
        Date start = started(execution, oldDue);
        Date warnAt = new Date(start.getTime() + Duration.between(start.toInstant(), newDue.toInstant()).toMillis() * 3 / 4);
        execution.getProcessInstance().setVariable(ProcessKeys.RESOLVE_DUE, newDue);
        execution.getProcessInstance().setVariable(ProcessKeys.WARN_AT, warnAt);
        cases.extend(number, at(newDue), at(warnAt));
        // the boundary timer, or the re-armed warning of an earlier extension, whichever still waits
        boolean warningPending = move(pi, DeadlinesMoved.WARNING_TIMER, warnAt) | move(pi, REARMED_WARNING, warnAt);
        move(pi, DeadlinesMoved.OVERDUE_TIMER, newDue);
        execution.setVariable(ProcessKeys.REARM_WARNING, !warningPending);
        for (Task task : tasks.createTaskQuery().processInstanceId(pi).dueDate(oldDue).list()) {
            task.setDueDate(newDue);
            tasks.saveTask(task);
        }
    }

    /** When the time allowed began: the yellow warning lies at 75% of it (warnAt = start + ¾·(due − start)). */
    private static Date started(DelegateExecution execution, Date oldDue) {
        Date oldWarn = (Date) execution.getVariable(ProcessKeys.WARN_AT);
        long start = (4 * oldWarn.getTime() - 3 * oldDue.getTime());
        return new Date(start);
    }

    /** Moves a timer that has not fired; false when it has fired already (or never existed). */
    private boolean move(String processInstanceId, String timer, Date due) {
        boolean found = false;
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).timers().list()) {
            management.setJobDuedate(job.getId(), due);
            found = true;
        }
        return found;
    }

    private static OffsetDateTime at(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
