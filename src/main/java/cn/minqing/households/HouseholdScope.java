package cn.minqing.households;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see which household: a party member only their own (联户); a grid member, village or township cadre
 * those of their region and those assigned to them; a leader their region's; an admin all; villagers none.
 * County bureau staff see only households assigned to them. Outside one's scope a household does not exist (404).
 */
@Component
public class HouseholdScope {

    /** Organisations whose cadres look after the households of their region. */
    private static final Set<String> LOCAL_KINDS = Set.of("village-committee", "party-branch", "township-office");

    private final Regions regions;

    HouseholdScope(Regions regions) {
        this.regions = regions;
    }

    public boolean maySee(Household h, CurrentUser u) {
        if (u.is(Role.ADMIN) || h.isServedBy(u.username())) {
            return true;
        }
        return seesRegion(u) && u.covers(regions.pathOf(h.villageCode()));
    }

    /** Whether the person may read households at all (villagers never). */
    public boolean readsHouseholds(CurrentUser u) {
        return u.is(Role.ADMIN) || u.is(Role.LEADER) || u.is(Role.CADRE) || u.is(Role.PARTY_MEMBER);
    }

    /** May see the phone number: only those who serve the household, and admins. */
    public boolean maySeePhone(Household h, CurrentUser u) {
        return u.is(Role.ADMIN) || h.isServedBy(u.username());
    }

    /** A SQL condition on {@code h} for the households this person may see; its parameters go into {@code params}. */
    String condition(CurrentUser u, List<Object> params) {
        if (u.is(Role.ADMIN)) {
            return "true";
        }
        params.add(u.username());
        params.add(u.username());
        String own = "(h.grid_member = ? or h.party_member = ?)";
        if (!seesRegion(u)) {
            return own;
        }
        List<String> villages = new ArrayList<>();
        for (Region r : regions.allWithin(u.scopeRegion())) {
            if (r.level().equals("village")) {
                villages.add(r.code());
            }
        }
        params.add("{" + String.join(",", villages) + "}");
        return "(" + own + " or h.village_code = any(?::varchar[]))";
    }

    private static boolean seesRegion(CurrentUser u) {
        if (u.scopeRegion() == null) {
            return false;
        }
        return u.is(Role.LEADER) || (u.is(Role.CADRE) && LOCAL_KINDS.contains(u.organisationKind()));
    }
}
