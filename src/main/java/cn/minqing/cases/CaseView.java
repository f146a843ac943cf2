package cn.minqing.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** A case as shown to someone allowed to see it; {@code reporter} is hidden on anonymous cases;
 * {@code plans}, the work plans it is linked to, only on a single case's view; {@code visit}, the visit (民情走访)
 * that found it, not on an anonymous case to those from whom its reporter is hidden (the visit names the household). */
public record CaseView(String number, String title, String description, String category, String categoryName,
                       String villageCode, String villageName, String townshipName, String status, String statusName,
                       String urgency, String handlingOrganisation, String outcomeNote, String reporter,
                       boolean anonymous, Double lat, Double lon, String address, int supporters,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
                       CaseRecord.Handling handling, boolean overdue, List<TimelineEntry> timeline,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<CasePlan> plans, String channel,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long visit) {
}
