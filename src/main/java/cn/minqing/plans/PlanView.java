package cn.minqing.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work plan as GET /api/plans/{id} answers: what the contract names ({@code id}, {@code title},
 * {@code status}, {@code linkedCases}, {@code indicator}, {@code milestones}) and the rest of the plan, with
 * Chinese names beside every code. {@code indicator.before} and {@code since} are null when there is nothing to divide by.
 */
record PlanView(long id, String title, String problem, String source, String status, String statusName,
                String region, String regionName, List<String> categories, List<String> categoryNames, String query,
                String leadOrganisation, String leadOrganisationName, List<String> coOrganisations,
                List<String> coOrganisationNames, String owner, @JsonProperty("public") boolean isPublic,
                LocalDate targetDate, long linkedCases, Indicator indicator, List<MilestoneView> milestones,
                OffsetDateTime createdAt, OffsetDateTime startedAt,
                @JsonInclude(JsonInclude.Include.NON_NULL) String ownerBranch,
                @JsonInclude(JsonInclude.Include.NON_NULL) String ownerBranchName) {

    /** {@code before} over the days {@code beforeFrom}–{@code beforeTo}, {@code since} over {@code sinceFrom}–{@code sinceTo}. */
    record Indicator(String code, String name, String unit, Double before, Double since, BigDecimal target,
                     LocalDate beforeFrom, LocalDate beforeTo, LocalDate sinceFrom, LocalDate sinceTo) {
    }

    /** {@code assignee} only for cadres, leaders and admins. */
    record MilestoneView(int seq, String title, LocalDate due, String status, String statusName, String flag,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String assignee) {
    }
}
