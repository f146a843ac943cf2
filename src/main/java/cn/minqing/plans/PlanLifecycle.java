package cn.minqing.plans;

import cn.minqing.county.Regions;
import cn.minqing.people.TaskGroups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts a plan's process (processes/work-plan.bpmn) in the plan's transaction. Its tasks go to the leaders of
 * the plan's region and of every region above it, and a milestone's report to the lead organisation's staff.
 */
@Component
class PlanLifecycle {

    static final String PROCESS = "work-plan";
    static final String PLAN_ID = "planId";
    static final String MILESTONE = "milestone";

    private final RuntimeService runtime;
    private final Plans plans;
    private final Regions regions;

    PlanLifecycle(RuntimeService runtime, Plans plans, Regions regions) {
        this.runtime = runtime;
        this.plans = plans;
        this.regions = regions;
    }

    static String businessKey(long planId) {
        return "plan:" + planId;
    }

    void started(PlanRow plan) {
        List<String> leaderGroups = regions.pathOf(plan.region()).stream().map(TaskGroups::leaders).toList();
        List<Integer> seqs = plans.milestones(plan.id()).stream().map(Plans.Milestone::seq).toList();
        String instance = runtime.startProcessInstanceByKey(PROCESS, businessKey(plan.id()), Map.of(
                PLAN_ID, plan.id(), "leaderGroups", leaderGroups, "leadGroup", TaskGroups.organisation(plan.leadOrganisation()),
                "milestoneSeqs", seqs)).getId();
        plans.setProcessInstance(plan.id(), instance);
    }
}
