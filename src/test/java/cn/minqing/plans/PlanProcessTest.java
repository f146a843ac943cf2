package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.deadlines.Calendars;
import cn.minqing.deadlines.WorkCalendar;
import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/work-plan.bpmn on the app's engine: approval, the milestones in parallel, and their timers. The job
 * executor is off in tests; {@link #runDueJobs} does what it would do at each moment the clock is moved to.
 */
class PlanProcessTest extends ApiTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    Calendars calendars;

    @BeforeEach
    void monday() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T02:00:00Z"))); // a Monday, 10:00 in Beijing
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOverdueMilestoneIsFlaggedRedAndGetsExactlyOne督办Task() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "石门镇饮水安全专项行动（流程）");
        body.put("problem", "饮水供水类诉求上升");
        body.put("region", "QS01");
        body.put("categories", List.of("water"));
        body.put("leadOrganisation", "QS01-GOV");
        body.put("indicator", "receivedCount");
        body.put("target", 5);
        body.put("targetDate", "2027-03-01");
        body.put("milestones", List.of(Map.of("title", "排查管网", "due", 5), Map.of("title", "完成改造", "due", 30)));
        JsonNode created = post("leader1", "/api/plans", body).getBody();
        long id = created.get("id").asLong();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("plan:" + id).singleResult();
        assertThat(pi).isNotNull();

        Task approve = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("approvePlan");
        assertThat(tasks.createTaskQuery().taskId(approve.getId()).taskCandidateGroup("leaders:QS").count()).isEqualTo(1);
        tasks.complete(approve.getId());
        assertThat(get("leader1", "/api/plans/" + id).getBody().get("status").asText()).isEqualTo("in-progress");
        List<Task> reports = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("reportMilestone").list();
        assertThat(reports).hasSize(2);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("org:QS01-GOV").count()).isEqualTo(2);

        WorkCalendar calendar = calendars.current();
        LocalDate due = calendar.plusWorkingDays(LocalDate.of(2026, 11, 2).atStartOfDay(), 5).toLocalDate();
        assertThat(created.get("milestones").get(0).get("due").asText()).isEqualTo(due.toString());

        // the morning of the due day: past the yellow flag (two working days before), not yet overdue
        moveTo(due.atTime(9, 0));
        runDueJobs(pi);
        JsonNode plan = get("leader1", "/api/plans/" + id).getBody();
        assertThat(plan.get("milestones").get(0).get("flag").asText()).isEqualTo("yellow");
        assertThat(plan.get("milestones").get(1).get("flag").asText()).isEqualTo("none");
        assertThat(supervisions(pi)).isEmpty();

        // the day after the due day: red, and one 督办 task for the leaders, however often the jobs are looked at
        moveTo(due.plusDays(1).atTime(9, 0));
        runDueJobs(pi);
        runDueJobs(pi);
        moveTo(due.plusDays(3).atTime(9, 0));
        runDueJobs(pi);
        plan = get("leader1", "/api/plans/" + id).getBody();
        assertThat(plan.get("milestones").get(0).get("flag").asText()).isEqualTo("red");
        assertThat(plan.get("milestones").get(1).get("flag").asText()).isEqualTo("none");
        List<Task> supervise = supervisions(pi);
        assertThat(supervise).hasSize(1);
        assertThat(supervise.get(0).getName()).contains("督办");
        assertThat(tasks.createTaskQuery().taskId(supervise.get(0).getId()).taskCandidateGroup("leaders:QS").count()).isEqualTo(1);

        // the 督办 is on the leaders' workbench and answered from its page, with the leader's words (required)
        WebSession leader = webSession(newAddress());
        assertThat(WebSession.location(leader.login("leader1", PASSWORD))).isEqualTo("/");
        String page = "/plans/tasks/" + supervise.get(0).getId();
        assertThat(leader.get("/workbench").body()).contains("督办：里程碑超期", "href=\"" + page + "\"");
        assertThat(WebSession.location(leader.submit(page, page, Map.of("comment", " ")))).isEqualTo(page);
        assertThat(supervisions(pi)).hasSize(1);
        assertThat(WebSession.location(leader.submit(page, page, Map.of("comment", "请三日内完成排查")))).isEqualTo("/plans/" + id);
        assertThat(supervisions(pi)).isEmpty();
        assertThat(leader.get("/plans/" + id + "/milestones/1").body()).contains("督办意见：请三日内完成排查");

        // reporting the milestone marks it done; the plan goes on to evaluation once every milestone is met
        Task first = reports.stream().filter(t -> t.getDueDate().toInstant().atZone(BEIJING).toLocalDate().equals(due))
                .findFirst().orElseThrow();
        tasks.complete(first.getId());
        assertThat(get("leader1", "/api/plans/" + id).getBody().get("milestones").get(0).get("status").asText()).isEqualTo("done");
        Task second = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("reportMilestone").singleResult();
        tasks.complete(second.getId());
        Task evaluate = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(evaluate.getTaskDefinitionKey()).isEqualTo("evaluatePlan");
        tasks.complete(evaluate.getId());
        assertThat(get("leader1", "/api/plans/" + id).getBody().get("status").asText()).isEqualTo("evaluated");
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
        assertThat(get("leader1", "/api/plans/" + id).getBody().get("status").asText()).isEqualTo("closed");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    private List<Task> supervisions(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("superviseMilestone").list();
    }

    private static void moveTo(java.time.LocalDateTime beijing) {
        ClockUtil.setCurrentTime(Date.from(beijing.atZone(BEIJING).toInstant()));
    }

    /** Executes every job of the instance that is due now, as the job executor would. */
    private void runDueJobs(ProcessInstance pi) {
        List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable().list();
        for (Job job : due) {
            management.executeJob(job.getId());
        }
    }
}
