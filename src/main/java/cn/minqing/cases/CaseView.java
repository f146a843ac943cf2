package cn.minqing.cases;

import java.time.OffsetDateTime;
import java.util.List;

/** A case as shown to someone allowed to see it; {@code reporter} is hidden on anonymous cases. */
public record CaseView(String number, String title, String description, String category, String categoryName,
                       String villageCode, String villageName, String townshipName, String status, String statusName,
                       String urgency, String handlingOrganisation, String outcomeNote, String reporter,
                       boolean anonymous, Double lat, Double lon, String address, int supporters,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
                       CaseRecord.Handling handling, boolean overdue, List<TimelineEntry> timeline) {
}
