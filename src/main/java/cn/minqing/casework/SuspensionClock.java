package cn.minqing.casework;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 挂起: while the county centre has a case suspended its clock stands still — the yellow and red timers are put
 * off to {@link #NEVER} ({@code suspensionStarted}); when it restarts, at resume or at the date set
 * ({@code suspensionEnded}), the deadlines move on by the time it stood still, the timers are set to them again and
 * the handler's task shows the new deadline; the case adds the time up ({@code handling.suspendedHours}). (Moving
 * due dates, not suspending jobs: a job's suspension state and due date changed in one transaction collide.)
 */
@Configuration(proxyBeanMethods = false)
class SuspensionClock {

    /** The timers that count the handling time: yellow, red, and a yellow re-armed after an extension. */
    /** Where a stopped clock's timers wait: far beyond any deadline. */
    static final Date NEVER = Date.from(java.time.Instant.parse("2999-12-31T00:00:00Z"));

    static final List<String> CLOCK_TIMERS = List.of(DeadlinesMoved.WARNING_TIMER, DeadlinesMoved.OVERDUE_TIMER,
            ExtensionApproved.REARMED_WARNING);

    @Bean
    org.camunda.bpm.engine.delegate.JavaDelegate suspensionStarted(Cases cases, Timeline timeline,
                                                                   ManagementService management) {
        return execution -> {
            String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
            cases.suspend(number, CaseClock.now());
            for (Job job : timers(management, execution)) {
                management.setJobDuedate(job.getId(), NEVER);
            }
            timeline.record(number, "system", "suspended", null, "已挂起，办理时限停止计时");
        };
    }

    @Bean
    org.camunda.bpm.engine.delegate.JavaDelegate suspensionEnded(Cases cases, Timeline timeline,
                                                                 ManagementService management, TaskService tasks) {
        return execution -> {
            String number = (String) execution.getVariable(ProcessKeys.CASE_NUMBER);
            CaseRecord c = cases.find(number).orElseThrow();
            OffsetDateTime since = c.handling().suspendedSince();
            Duration stood = since == null ? Duration.ZERO : Duration.between(since, CaseClock.now());
            Date oldDue = (Date) execution.getVariable(ProcessKeys.RESOLVE_DUE);
            Date due = new Date(oldDue.getTime() + stood.toMillis());
            Date warnAt = new Date(((Date) execution.getVariable(ProcessKeys.WARN_AT)).getTime() + stood.toMillis());
            execution.getProcessInstance().setVariable(ProcessKeys.RESOLVE_DUE, due);
            execution.getProcessInstance().setVariable(ProcessKeys.WARN_AT, warnAt);
            cases.resume(number, at(due), at(warnAt), stood.toMinutes() / 60.0);
            for (String timer : CLOCK_TIMERS) {
                for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                        .activityId(timer).timers().list()) {
                    management.setJobDuedate(job.getId(), timer.equals(DeadlinesMoved.OVERDUE_TIMER) ? due : warnAt);
                }
            }
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).dueDate(oldDue).list()) {
                task.setDueDate(due);
                tasks.saveTask(task);
            }
            timeline.record(number, "system", "resumed", null,
                    "恢复计时，挂起 " + Math.round(stood.toMinutes() / 6.0) / 10.0 + " 小时，办理时限相应顺延");
        };
    }

    private static List<Job> timers(ManagementService management, DelegateExecution execution) {
        return CLOCK_TIMERS.stream().flatMap(timer -> management.createJobQuery()
                .processInstanceId(execution.getProcessInstanceId()).activityId(timer).timers().list().stream()).toList();
    }

    private static OffsetDateTime at(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
