package cn.minqing.plans;

import cn.minqing.platform.web.TextOrNumber;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * The body of POST /api/plans, as the contract names it. {@code target} and {@code due} are read as text
 * so that a wrong one is named with the others instead of failing the whole body; {@code due} is a date
 * (2026-12-15, a working day) or a number of working days from today; both take a JSON number as well as text.
 */
record PlanRequest(String title, String problem, String source, String region, List<String> categories, String query,
                   String leadOrganisation, List<String> coOrganisations, String indicator,
                   @JsonDeserialize(using = TextOrNumber.class) String target,
                   String targetDate, List<Milestone> milestones, @JsonProperty("public") Boolean isPublic,
                   String ownerBranch) {

    /** Owned by the leader who starts it (no party branch). */
    PlanRequest(String title, String problem, String source, String region, List<String> categories, String query,
                String leadOrganisation, List<String> coOrganisations, String indicator, String target,
                String targetDate, List<Milestone> milestones, Boolean isPublic) {
        this(title, problem, source, region, categories, query, leadOrganisation, coOrganisations, indicator, target,
                targetDate, milestones, isPublic, null);
    }

    record Milestone(String title, @JsonDeserialize(using = TextOrNumber.class) String due, String assignee) {
    }
}
