package cn.minqing.plans;

import java.util.ArrayList;
import java.util.List;

/**
 * The page form that starts a plan, prefilled from the finding it comes from (a hot topic, a dashboard drill-down,
 * a saved search): the same fields as POST /api/plans, with the milestones as parallel lists of titles and due days.
 */
record PlanForm(String title, String problem, String source, String region, List<String> categories, String query,
                String leadOrganisation, List<String> coOrganisations, String indicator, String target,
                String targetDate, List<String> milestoneTitle, List<String> milestoneDue, Boolean isPublic) {

    PlanForm {
        categories = categories == null ? List.of() : categories;
        coOrganisations = coOrganisations == null ? List.of() : coOrganisations;
        milestoneTitle = milestoneTitle == null ? List.of() : milestoneTitle;
        milestoneDue = milestoneDue == null ? List.of() : milestoneDue;
        isPublic = Boolean.TRUE.equals(isPublic); // an unticked box sends nothing
    }

    /** A blank form for a finding: its scope and where it came from, two empty milestones. */
    static PlanForm of(String source, String region, String category, String query) {
        return new PlanForm(null, null, source, region, category == null || category.isBlank() ? List.of() : List.of(category),
                query, null, List.of(), "receivedCount", null, null, List.of("", ""), List.of("", ""), false);
    }

    /** The request the API takes; rows with neither title nor due day are left out. */
    PlanRequest request() {
        List<PlanRequest.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < Math.max(milestoneTitle.size(), milestoneDue.size()); i++) {
            String t = i < milestoneTitle.size() ? milestoneTitle.get(i) : null;
            String d = i < milestoneDue.size() ? milestoneDue.get(i) : null;
            if ((t != null && !t.isBlank()) || (d != null && !d.isBlank())) {
                milestones.add(new PlanRequest.Milestone(t, d, null));
            }
        }
        return new PlanRequest(title, problem, source, region, categories, query, leadOrganisation, coOrganisations,
                indicator, target, targetDate, milestones, isPublic);
    }

    /** The milestone rows to show again: those given, at least two. */
    public List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        int n = Math.max(2, Math.max(milestoneTitle.size(), milestoneDue.size()));
        for (int i = 0; i < n; i++) {
            rows.add(new String[] {i < milestoneTitle.size() ? milestoneTitle.get(i) : "", i < milestoneDue.size() ? milestoneDue.get(i) : ""});
        }
        return rows;
    }
}
