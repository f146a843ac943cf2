package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cadres' work: the tasks they may work, claiming them, and completing a stage. */
@Service
public class Casework {

    private final TaskService tasks;
    private final Cases cases;
    private final Timeline timeline;
    private final StageRules rules;

    Casework(TaskService tasks, Cases cases, Timeline timeline, StageRules rules) {
        this.tasks = tasks;
        this.cases = cases;
        this.timeline = timeline;
        this.rules = rules;
    }

    /** My tasks and my groups' unclaimed tasks, earliest deadline first. */
    @Transactional(readOnly = true)
    public List<TaskView> tasksFor(CurrentUser user, String stage, String caseNumber, int max) {
        TaskQuery query = visibleTo(user);
        if (stage != null) {
            query.taskDefinitionKey(stage);
        }
        if (caseNumber != null) {
            query.processInstanceBusinessKey(caseNumber);
        }
        List<Task> found = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, max);
        return views(found);
    }

    @Transactional
    public TaskView claim(String taskId, CurrentUser user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw ApiException.conflict("task.claimedByOther", task.getAssignee());
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user.username());
        }
        return views(List.of(tasks.createTaskQuery().taskId(taskId).singleResult())).get(0);
    }

    @Transactional
    public void complete(String taskId, CurrentUser user, CompletionForm form) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw ApiException.conflict("task.claimedByOther", task.getAssignee());
        }
        String number = caseNumberOf(task);
        Stage stage = Stage.of(task.getTaskDefinitionKey());
        StageRules.Completion done = rules.check(stage, form, number);
        if (done.urgency() != null) {
            cases.setUrgency(number, done.urgency());
        }
        if (done.mergeInto() != null) {
            cases.addSupporter(done.mergeInto());
            timeline.record(done.mergeInto(), user.username(), "merged-in", stage.code(), "合并了重复诉求 " + number);
        }
        timeline.record(number, user.username(), done.kind(), stage.code(), done.note());
        if (task.getAssignee() == null) {
            tasks.setAssignee(taskId, user.username());
        }
        tasks.complete(taskId, done.variables());
    }

    private Task workable(String taskId, CurrentUser user) {
        Task task = visibleTo(user).taskId(taskId).singleResult();
        if (task == null) {
            throw ApiException.notFound("task.notFound");
        }
        return task;
    }

    private TaskQuery visibleTo(CurrentUser user) {
        TaskQuery query = tasks.createTaskQuery().active();
        if (user.is(Role.ADMIN)) {
            return query;
        }
        List<String> groups = user.taskGroups();
        if (groups.isEmpty()) {
            return query.taskAssignee(user.username());
        }
        return query.or().taskAssignee(user.username()).taskCandidateGroupIn(groups).endOr();
    }

    private String caseNumberOf(Task task) {
        return (String) tasks.getVariable(task.getId(), ProcessKeys.CASE_NUMBER);
    }

    private List<TaskView> views(List<Task> found) {
        Map<String, String> numbers = found.stream().collect(Collectors.toMap(Task::getId, this::caseNumberOf));
        Map<String, CaseRecord> byNumber = cases.byNumbers(List.copyOf(numbers.values())).stream()
                .collect(Collectors.toMap(CaseRecord::number, Function.identity()));
        return found.stream().map(t -> {
            CaseRecord c = byNumber.get(numbers.get(t.getId()));
            return new TaskView(t.getId(), c.number(), t.getTaskDefinitionKey(), t.getName(), t.getCreateTime(),
                    t.getDueDate(), candidateGroups(t.getId()), t.getAssignee(), c.title(), c.villageCode(),
                    c.categoryCode());
        }).toList();
    }

    private List<String> candidateGroups(String taskId) {
        Collection<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
        return links.stream().filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    }
}
