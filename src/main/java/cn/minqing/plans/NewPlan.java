package cn.minqing.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A plan request that passed every check, with each milestone's due day worked out on the working-day calendar. */
record NewPlan(String title, String problem, String source, String region, List<String> categories, String query,
               String leadOrganisation, List<String> coOrganisations, String indicator, BigDecimal target,
               LocalDate targetDate, List<Milestone> milestones, boolean isPublic, String ownerBranch) {

    record Milestone(String title, LocalDate due, String assignee) {
    }
}
