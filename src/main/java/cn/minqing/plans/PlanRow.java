package cn.minqing.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A stored work plan as its table holds it. */
record PlanRow(long id, String title, String problem, String source, String region, List<String> categories,
               String query, String leadOrganisation, List<String> coOrganisations, String indicator, BigDecimal target,
               LocalDate targetDate, boolean isPublic, PlanStatus status, String owner, OffsetDateTime createdAt,
               OffsetDateTime startedAt) {
}
