package cn.minqing.plans;

import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a work plan, by region paths in the tree (never by code prefix): a cadre or leader sees
 * the plans of their region and those of the regions above it that include it (a county plan reaches every
 * township); a villager only public plans that include their village; an admin all.
 */
@Component
class PlanAccess {

    private final Regions regions;

    PlanAccess(Regions regions) {
        this.regions = regions;
    }

    boolean mayRead(PlanRow plan, CurrentUser user) {
        if (user.is(Role.ADMIN)) {
            return true;
        }
        if (user.is(Role.CADRE) || user.is(Role.LEADER)) {
            return user.covers(regions.pathOf(plan.region()))
                    || (user.scopeRegion() != null && regions.pathOf(user.scopeRegion()).contains(plan.region()));
        }
        return plan.isPublic() && user.is(Role.VILLAGER) && user.villageCode() != null
                && regions.pathOf(user.villageCode()).contains(plan.region());
    }

    /** Leaders start plans within their region, admins anywhere. */
    boolean mayStartIn(String region, CurrentUser user) {
        return user.is(Role.ADMIN) || (user.is(Role.LEADER) && user.covers(regions.pathOf(region)));
    }

    boolean mayStartPlans(CurrentUser user) {
        return user.is(Role.ADMIN) || user.is(Role.LEADER);
    }

    /** Cadres, leaders and admins who may see the plan link and unlink cases by hand. */
    boolean mayLink(PlanRow plan, CurrentUser user) {
        return (user.is(Role.ADMIN) || user.is(Role.CADRE) || user.is(Role.LEADER)) && mayRead(plan, user);
    }

    /** Whether {@code region} lies in the region {@code filter} (itself or below it). */
    boolean within(String region, String filter) {
        List<String> path = regions.pathOf(region);
        return path.contains(filter);
    }
}
