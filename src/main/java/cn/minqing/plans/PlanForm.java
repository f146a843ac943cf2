package cn.minqing.plans;

import java.util.ArrayList;
import java.util.List;

/**
 * The page form that starts a plan, prefilled from the finding it comes from (a hot topic, a dashboard drill-down,
 * a saved search): the same fields as POST /api/plans, with the milestones as parallel lists of titles, due days and
 * assignees (party members of the branches the leader may see), and the owning party branch (党支部).
 */
record PlanForm(String title, String problem, String source, String region, List<String> categories, String query,
                String leadOrganisation, List<String> coOrganisations, String indicator, String target,
                String targetDate, List<String> milestoneTitle, List<String> milestoneDue, Boolean isPublic,
                String ownerBranch, List<String> milestoneAssignee) {

    PlanForm {
        categories = categories == null ? List.of() : categories;
        coOrganisations = coOrganisations == null ? List.of() : coOrganisations;
        milestoneTitle = milestoneTitle == null ? List.of() : milestoneTitle;
        milestoneDue = milestoneDue == null ? List.of() : milestoneDue;
        milestoneAssignee = milestoneAssignee == null ? List.of() : milestoneAssignee;
        isPublic = Boolean.TRUE.equals(isPublic); // an unticked box sends nothing
    }

    /** A blank form for a finding: its scope and where it came from, two empty milestones. */
    static PlanForm of(String source, String region, String category, String query) {
        return new PlanForm(null, null, source, region, category == null || category.isBlank() ? List.of() : List.of(category),
                query, null, List.of(), "receivedCount", null, null, List.of("", ""), List.of("", ""), false, null,
                List.of("", ""));
    }

    /** The request the API takes; rows with neither title nor due day are left out. */
    PlanRequest request() {
        List<PlanRequest.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < rowCount(); i++) {
            String t = at(milestoneTitle, i);
            String d = at(milestoneDue, i);
            if (!t.isBlank() || !d.isBlank()) {
                String a = at(milestoneAssignee, i);
                milestones.add(new PlanRequest.Milestone(t.isEmpty() && i >= milestoneTitle.size() ? null : t,
                        d.isEmpty() && i >= milestoneDue.size() ? null : d, a.isBlank() ? null : a));
            }
        }
        return new PlanRequest(title, problem, source, region, categories, query, leadOrganisation, coOrganisations,
                indicator, target, targetDate, milestones, isPublic, ownerBranch == null || ownerBranch.isBlank() ? null : ownerBranch);
    }

    /** The milestone rows to show again (title, due, assignee): those given, at least two. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        int n = Math.max(2, rowCount());
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {at(milestoneTitle, i), at(milestoneDue, i), at(milestoneAssignee, i)});
        }
        return rows;
    }

    private int rowCount() {
        return Math.max(milestoneTitle.size(), Math.max(milestoneDue.size(), milestoneAssignee.size()));
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }
}
