package cn.minqing.plans;

import cn.minqing.county.PartyBranch;
import cn.minqing.county.PartyBranches;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Milestones assigned to party members (党员): a party member works for the plan's owning branch when it has one,
 * else for a branch inside the plan's region — never for a plan outside their branch's region. The form's picker
 * offers the members of the branches the leader may see, grouped by branch.
 */
@Component
class PartyMemberAssignees {

    /** A branch and its party members (user name → display name) for the form's picker. */
    record Choice(String code, String name, String regionCode, Map<String, String> members) {
    }

    private final PartyBranches branches;
    private final Regions regions;
    private final JdbcClient jdbc;

    PartyMemberAssignees(PartyBranches branches, Regions regions, JdbcClient jdbc) {
        this.branches = branches;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    void check(List<FieldProblem> problems, PlanRequest r) {
        if (r.milestones() == null) {
            return;
        }
        String owner = r.ownerBranch() == null || r.ownerBranch().isBlank() ? null : r.ownerBranch().strip();
        for (int i = 0; i < r.milestones().size(); i++) {
            PlanRequest.Milestone m = r.milestones().get(i);
            if (m == null || m.assignee() == null || m.assignee().isBlank() || m.assignee().length() > 64) {
                continue;
            }
            String branch = branchOf(m.assignee());
            if (branch == null) {
                continue; // not a party member: a cadre, checked as any assignee
            }
            String field = "milestones[" + i + "].assignee";
            if (owner != null && !owner.equals(branch)) {
                problems.add(new FieldProblem(field, "plan.assignee.notInBranch", i + 1));
            } else if (owner == null && r.region() != null && !within(branch, r.region())) {
                problems.add(new FieldProblem(field, "plan.assignee.outside", i + 1));
            }
        }
    }

    /** The branches the person may see that lie in their scope, each with its party members. */
    List<Choice> choicesFor(CurrentUser user) {
        List<PartyBranch> shown = branches.visibleTo(user);
        if (shown.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = jdbc.sql("""
                select username, display_name from minqing.app_user
                 where 'PARTY_MEMBER' = any(roles) and enabled and organisation_code = any(?::varchar[])
                """).param("{" + String.join(",", shown.stream().map(PartyBranch::code).toList()) + "}")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return shown.stream().map(b -> new Choice(b.code(), b.name(), b.regionCode(), b.members().stream()
                .filter(names::containsKey).collect(Collectors.toMap(u -> u, names::get, (a, c) -> a, java.util.LinkedHashMap::new))))
                .toList();
    }

    private String branchOf(String username) {
        return jdbc.sql("""
                select u.organisation_code from minqing.app_user u join minqing.organisation o on o.code = u.organisation_code
                 where u.username = ? and u.enabled and 'PARTY_MEMBER' = any(u.roles) and o.kind = 'party-branch'
                """).param(username.strip()).query(String.class).optional().orElse(null);
    }

    private boolean within(String branchCode, String region) {
        return branches.find(branchCode).map(b -> regions.pathOf(b.regionCode()).contains(region)).orElse(false);
    }
}
