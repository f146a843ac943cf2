package cn.minqing.plans;

import cn.minqing.cases.CasePlan;
import cn.minqing.cases.PlansOfCase;
import cn.minqing.people.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Component;

/** The plans shown on a case: those linked to it that the viewer may see (a villager: only public ones). */
@Component
class CasePlans implements PlansOfCase {

    private final Plans plans;
    private final PlanAccess access;
    private final DeferralStore deferrals;

    CasePlans(Plans plans, PlanAccess access, DeferralStore deferrals) {
        this.plans = plans;
        this.access = access;
        this.deferrals = deferrals;
    }

    @Override
    public List<CasePlan> of(String caseNumber, CurrentUser viewer) {
        Deferral deferral = deferrals.current(caseNumber).orElse(null);
        return plans.ofCase(caseNumber).stream()
                .filter(p -> p.isPublic() || PlanViews.isStaff(viewer))
                .filter(p -> access.mayRead(p, viewer) || (p.isPublic() && viewer.isVillagerOnly()))
                .map(p -> new CasePlan(p.id(), p.title(), p.isPublic(),
                        deferral != null && deferral.plan() == p.id() ? deferral.until() : null)).toList();
    }
}
