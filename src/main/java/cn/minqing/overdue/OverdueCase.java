package cn.minqing.overdue;

import java.time.OffsetDateTime;

/**
 * One row of the overdue board (超期督办): an open case past its deadline, where it is and who holds it.
 * {@code overdueKind}: "resolve" (办结时限 passed) or "sign" (签收时限 passed while unsigned); {@code dueAt} is that
 * deadline. {@code daysOverdue}: whole calendar days since it passed. {@code holder}: the person who claimed the
 * open task (display name, and {@code holderPhone}) or, while unclaimed, the organisation or group it waits in;
 * {@code holderKind}: person, organisation or villager (the reporter's 回访, never named). Never the reporter.
 * On the township's open-case list (在办件) the same row describes a case not yet overdue: {@code overdueKind} "none",
 * {@code dueAt} the deadline that counts now, {@code overdueInWords} the time left (剩3天).
 */
public record OverdueCase(String number, String title, String villageCode, String village, String township,
                          String category, String categoryName, String organisationCode, String organisation,
                          String stage, String stageName, String holder, String holderPhone, String holderKind,
                          String overdueKind, OffsetDateTime dueAt, long daysOverdue, String overdueInWords,
                          int supervisions, String status, String statusName) {
}
