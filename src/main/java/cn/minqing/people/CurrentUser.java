package cn.minqing.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the services see them: roles, their village (villagers and grid
 * members), their organisation and the region they may see ({@code scopeRegion} is a region
 * code prefix: QS sees the county, QS01 a township, QS01001 a village). A county bureau's staff see,
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

    public boolean mayView(String caseVillageCode, String caseReporter, String caseCategory, String caseHandler) {
        if (is(Role.ADMIN) || username.equals(caseReporter)) {
            return true;
        }
        if (is(Role.LEADER) && scopeRegion != null && caseVillageCode.startsWith(scopeRegion)) {
            return true;
        }
        if (is(Role.CADRE) && scopeRegion != null && caseVillageCode.startsWith(scopeRegion)) {
            return responsibilities.isEmpty() || responsibilities.contains(caseCategory)
                    || (organisationCode != null && organisationCode.equals(caseHandler));
        }
        return false;
    }
}
