package cn.minqing.notify;

import java.time.OffsetDateTime;

/** "Your case QS-… is now 调研中" — one change of a case, for one person. */
public record Notification(long id, String caseNumber, String status, String text, OffsetDateTime createdAt,
                           OffsetDateTime readAt) {
}
