package cn.minqing.visits;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A visit as one person may see it. An anonymous need shows neither its title nor its case to anyone but admins:
 * the household page would otherwise tell who raised it.
 */
record VisitView(long id, long household, String visitor, String visitorName, OffsetDateTime visitedAt, String met,
                 String notes, Double lat, Double lon, List<NeedView> needs, List<AttachmentView> attachments) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NeedView(String title, String category, boolean anonymous, boolean solvedOnSpot, String caseNumber) {
    }

    record AttachmentView(long id, String kind, String contentType, long sizeBytes, OffsetDateTime uploadedAt) {
    }
}
