package cn.minqing.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the services see them: roles, their village (villagers and grid
 * members), their organisation and the region they may see ({@code scopeRegion} is a region
 * code: QS sees the county, QS01 a township, QS01001 a village; it is compared with a case's region path). A county bureau's staff see,
 * within the county, the categories their bureau answers for ({@code responsibilities}) and the cases
 * handed to it; an empty list means no such limit.
 */
public record CurrentUser(String username, String displayName, Set<Role> roles, String villageCode,
                          String organisationCode, String organisationKind, String scopeRegion,
                          List<String> responsibilities) {

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isVillagerOnly() {
        return roles.size() == 1 && is(Role.VILLAGER);
    }

    /** Camunda candidate groups this person belongs to. */
    public List<String> taskGroups() {
        List<String> groups = new ArrayList<>();
        if (organisationCode != null) {
            groups.add(TaskGroups.organisation(organisationCode));
        }
        if (villageCode != null && is(Role.CADRE)) {
            groups.add(TaskGroups.village(villageCode));
        }
        if (is(Role.LEADER)) {
            groups.add(TaskGroups.leaders(scopeRegion));
        }
        return groups;
    }

    /** Whether a region, given by its path from the county down ({@code Regions.pathOf}), lies in this person's scope. */
    public boolean covers(List<String> regionPath) {
        return scopeRegion != null && regionPath.contains(scopeRegion);
    }

    /**
     * Whether this person may list a village's open cases (similar cases, 附议 targets): a villager their own
     * village, a cadre or leader their region, an admin any. {@code villagePath} as in {@link #covers}.
     */
    public boolean mayLookAt(String villageCode, List<String> villagePath) {
        if (is(Role.ADMIN)) {
            return true;
        }
        if ((is(Role.CADRE) || is(Role.LEADER)) && covers(villagePath)) {
            return true;
        }
        return is(Role.VILLAGER) && villageCode.equals(this.villageCode);
    }

    /** The categories a county bureau answers for, which limit what its staff see; empty when nothing limits. */
    public List<String> categoryLimit() {
        return is(Role.ADMIN) || is(Role.LEADER) || !is(Role.CADRE) ? List.of() : responsibilities;
    }

    /** {@code casePath}: the path of the case's village from the county down, so that QS1 never covers QS10…. */
    public boolean mayView(List<String> casePath, String caseReporter, String caseCategory, String caseHandler) {
        if (is(Role.ADMIN) || username.equals(caseReporter)) {
            return true;
        }
        if (is(Role.LEADER) && covers(casePath)) {
            return true;
        }
        if (is(Role.CADRE) && covers(casePath)) {
            return responsibilities.isEmpty() || responsibilities.contains(caseCategory)
                    || (organisationCode != null && organisationCode.equals(caseHandler));
        }
        return false;
    }
}
