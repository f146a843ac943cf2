package cn.minqing.plans;

import cn.minqing.casework.OtherTasks;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The open tasks of work plans (processes/work-plan.bpmn) a person may work — the leaders' approval, evaluation,
 * closing and 督办 of an overdue milestone, the lead organisation's milestone reports — listed on the cadres'
 * workbench beside the case tasks: by candidate group, as case tasks, and only for plans the person may see.
 */
@Component
class PlanTasks implements OtherTasks {

    static final String REPORT = "reportMilestone";
    static final String SUPERVISE = "superviseMilestone";

    /** One open plan task with its plan and milestone (seq null for the plan's own steps). */
    record PlanTask(String id, String key, String name, PlanRow plan, Integer seq, String milestoneTitle,
                    LocalDate due, String flag) {

        public String href() {
            return REPORT.equals(key) ? "/plans/" + plan.id() + "/milestones/" + seq : "/plans/tasks/" + id;
        }
    }

    private final TaskService tasks;
    private final Plans plans;
    private final PlanAccess access;
    private final ZoneId zone;
    private final MessageSource messages;

    PlanTasks(TaskService tasks, Plans plans, PlanAccess access, MessageSource messages, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.tasks = tasks;
        this.plans = plans;
        this.access = access;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public List<OtherTask> of(CurrentUser user) {
        return visible(user).stream().map(t -> new OtherTask(t.name(), subject(t), t.href(), t.due(), t.flag())).toList();
    }

    /** The open plan tasks of the person's candidate groups or claimed by them (an admin: all), soonest due first. */
    List<PlanTask> visible(CurrentUser user) {
        if (user.isVillagerOnly()) {
            return List.of();
        }
        Map<String, Task> found = new LinkedHashMap<>();
        if (user.is(Role.ADMIN)) {
            tasks.createTaskQuery().processDefinitionKey(PlanLifecycle.PROCESS).active().list().forEach(t -> found.put(t.getId(), t));
        } else {
            if (!user.taskGroups().isEmpty()) {
                tasks.createTaskQuery().processDefinitionKey(PlanLifecycle.PROCESS).active()
                        .taskCandidateGroupIn(user.taskGroups()).includeAssignedTasks().list().forEach(t -> found.put(t.getId(), t));
            }
            tasks.createTaskQuery().processDefinitionKey(PlanLifecycle.PROCESS).active().taskAssignee(user.username())
                    .list().forEach(t -> found.put(t.getId(), t));
        }
        List<PlanTask> result = new ArrayList<>();
        for (Task t : found.values()) {
            of(t).filter(p -> access.mayRead(p.plan(), user)).ifPresent(result::add);
        }
        result.sort(Comparator.comparing(PlanTask::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    Optional<PlanTask> visible(CurrentUser user, String taskId) {
        return visible(user).stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    /** The open milestone report of one plan's milestone, if the person may work it. */
    Optional<PlanTask> report(CurrentUser user, long planId, int seq) {
        return visible(user).stream().filter(t -> REPORT.equals(t.key()) && t.plan().id() == planId
                && Integer.valueOf(seq).equals(t.seq())).findFirst();
    }

    void complete(PlanTask task, String username) {
        if (task.id() != null) {
            tasks.setAssignee(task.id(), username);
            tasks.complete(task.id());
        }
    }

    private Optional<PlanTask> of(Task t) {
        Object planId = tasks.getVariable(t.getId(), PlanLifecycle.PLAN_ID);
        if (!(planId instanceof Number n)) {
            return Optional.empty();
        }
        Object milestone = tasks.getVariable(t.getId(), PlanLifecycle.MILESTONE);
        Integer seq = milestone instanceof Number m && (REPORT.equals(t.getTaskDefinitionKey()) || SUPERVISE.equals(t.getTaskDefinitionKey()))
                ? m.intValue() : null;
        return plans.find(n.longValue()).map(plan -> {
            Optional<Plans.Milestone> m = seq == null ? Optional.empty() : plans.milestone(plan.id(), seq);
            LocalDate due = m.map(Plans.Milestone::due).orElse(t.getDueDate() == null ? null
                    : t.getDueDate().toInstant().atZone(zone).toLocalDate());
            String flag = SUPERVISE.equals(t.getTaskDefinitionKey()) ? "red" : m.map(Plans.Milestone::flag).orElse("none");
            return new PlanTask(t.getId(), t.getTaskDefinitionKey(), nameOf(t.getTaskDefinitionKey()), plan, seq,
                    m.map(Plans.Milestone::title).orElse(null), due, flag);
        });
    }

    private static String subject(PlanTask t) {
        return t.plan().title() + (t.milestoneTitle() == null ? "" : " · " + t.milestoneTitle());
    }

    /** The task's name in the person's language (plan.task.approvePlan, … in the message bundles). */
    String nameOf(String key) {
        return messages.getMessage("plan.task." + key, null, "plan.task." + key, LocaleContextHolder.getLocale());
    }
}
