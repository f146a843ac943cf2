package cn.minqing.casework;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A task on a worker's list, with the case it belongs to. {@code flag}: none, yellow (75% of the
 * time allowed has passed) or red (overdue). {@code deadline}: the task's own due date, else the case's
 * resolve deadline; {@code dueInWords}: that deadline in words (超期2天, 剩5小时, 剩3天) in the caller's
 * language; {@code assigneeName}: the claimant's display name (null while unclaimed).
 */
public record TaskView(String id, String caseNumber, String stage, String name, OffsetDateTime created,
                       OffsetDateTime due, List<String> candidateGroups, String assignee, String caseTitle,
                       String villageCode, String category, String urgency, String caseStatus, String flag,
                       boolean overdue, OffsetDateTime deadline, String dueInWords, String assigneeName) {
}
