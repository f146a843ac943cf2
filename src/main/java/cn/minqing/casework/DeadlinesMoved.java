package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.deadlines.CalendarChanged;
import cn.minqing.deadlines.Calendars;
import cn.minqing.deadlines.WorkCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a year's holidays are entered, changed or removed, the open cases whose working-day deadline runs
 * into that year are recounted from the moment they were planned. A moved deadline changes the case (and
 * so the search index, through the outbox), the process variables, the yellow and red timer jobs, the due
 * date of the open handling task, and says so on the timeline ("deadline-moved"). Runs inside the
 * transaction that changed the calendar. Flags already raised stay raised. A deadline the county centre extended
 * (延期) is a date it approved, not a count of working days, and stays.
 */
@Component
class DeadlinesMoved {

    static final String WARNING_TIMER = "deadlineWarning";
    static final String OVERDUE_TIMER = "deadlinePassed";
    private static final int BATCH = 500;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record OpenCase(String number, String processInstanceId, OffsetDateTime signDue, OffsetDateTime resolveDue) {
    }

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final Cases cases;
    private final Timeline timeline;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final ZoneId zone;

    DeadlinesMoved(JdbcClient jdbc, Calendars calendars, Cases cases, Timeline timeline, RuntimeService runtime,
                   ManagementService management, TaskService tasks,
                   @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.cases = cases;
        this.timeline = timeline;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.zone = ZoneId.of(zone);
    }

    /** A deadline before the changed year never counted its days, so only later ones can move. */
    @EventListener
    void calendarChanged(CalendarChanged changed) {
        OffsetDateTime yearStart = LocalDate.of(changed.year(), 1, 1).atStartOfDay(zone).toOffsetDateTime();
        List<OpenCase> open = jdbc.sql("""
                select number, process_instance_id, sign_due, resolve_due from minqing.case_record
                 where closed_at is null and process_instance_id is not null and resolve_due >= ?
                   and extensions = 0 order by id
                """).param(yearStart).query(OpenCase.class).list();
        WorkCalendar calendar = open.isEmpty() ? null : calendars.current();
        for (int from = 0; from < open.size(); from += BATCH) {
            List<OpenCase> batch = open.subList(from, Math.min(open.size(), from + BATCH));
            Map<String, Map<String, Object>> variables = variables(batch);
            for (OpenCase c : batch) {
                recount(c, variables.getOrDefault(c.processInstanceId(), Map.of()), calendar, changed.reason());
            }
        }
    }

    /** The deadline rule and sign-for deadline of each running process (ended ones have none). */
    private Map<String, Map<String, Object>> variables(List<OpenCase> batch) {
        String[] ids = batch.stream().map(OpenCase::processInstanceId).distinct().toArray(String[]::new);
        List<VariableInstance> found = runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
                .variableNameIn(ProcessKeys.DEADLINE_RULE, ProcessKeys.SIGN_DUE).list();
        return found.stream().filter(v -> v.getValue() != null)
                .collect(Collectors.groupingBy(VariableInstance::getProcessInstanceId,
                        Collectors.toMap(VariableInstance::getName, VariableInstance::getValue, (a, b) -> a)));
    }

    @SuppressWarnings("unchecked")
    private void recount(OpenCase c, Map<String, Object> variables, WorkCalendar calendar, String reason) {
        if (!(variables.get(ProcessKeys.DEADLINE_RULE) instanceof Map<?, ?> found)
                || !(variables.get(ProcessKeys.SIGN_DUE) instanceof Date signDue)) {
            return;
        }
        Map<String, Object> rule = (Map<String, Object>) found;
        if (!DeadlinePlan.countsWorkingDays(rule)) {
            return;
        }
        LocalDateTime plannedAt = LocalDateTime.ofInstant(signDue.toInstant(), zone).minusHours(DeadlinePlan.signHours(rule));
        DeadlinePlan plan = DeadlinePlan.of(plannedAt, rule, calendar);
        LocalDateTime oldDue = c.resolveDue().atZoneSameInstant(zone).toLocalDateTime();
        if (plan.resolveDue().equals(oldDue)) {
            return;
        }
        move(c, oldDue, plan, reason);
    }

    private void move(OpenCase c, LocalDateTime oldDue, DeadlinePlan plan, String reason) {
        String pi = c.processInstanceId();
        Date due = date(plan.resolveDue());
        Date warnAt = date(plan.warnAt());
        runtime.setVariable(pi, ProcessKeys.RESOLVE_DUE, due);
        runtime.setVariable(pi, ProcessKeys.WARN_AT, warnAt);
        cases.setDeadlines(c.number(), c.signDue(), plan.resolveDue().atZone(zone).toOffsetDateTime(),
                plan.warnAt().atZone(zone).toOffsetDateTime());
        moveTimer(pi, OVERDUE_TIMER, due);
        moveTimer(pi, WARNING_TIMER, warnAt);
        for (Task task : tasks.createTaskQuery().processInstanceId(pi).dueDate(date(oldDue)).list()) {
            task.setDueDate(due);
            tasks.saveTask(task);
        }
        timeline.record(c.number(), "system", "deadline-moved", null,
                "办理时限由 " + oldDue.format(SHOWN) + " 调整为 " + plan.resolveDue().format(SHOWN) + "：" + reason);
    }

    /** A timer that has not fired yet moves with its deadline; one that fired stays fired. */
    private void moveTimer(String processInstanceId, String timer, Date due) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).timers().list()) {
            management.setJobDuedate(job.getId(), due);
        }
    }

    private Date date(LocalDateTime t) {
        return Date.from(t.atZone(zone).toInstant());
    }
}
