package cn.minqing.casework;

import cn.minqing.deadlines.WorkCalendar;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A case's deadlines from the rule of processes/case-deadlines.dmn, counted from the moment they were
 * planned: sign-for within hours, resolve within hours or working days, yellow warning at 75% of the time
 * allowed. The same sums when a case is planned and when a changed calendar moves its deadlines.
 */
record DeadlinePlan(LocalDateTime plannedAt, LocalDateTime signDue, LocalDateTime resolveDue, LocalDateTime warnAt) {

    static DeadlinePlan of(LocalDateTime plannedAt, Map<String, Object> rule, WorkCalendar calendar) {
        LocalDateTime signDue = plannedAt.plusHours(signHours(rule));
        long hours = number(rule.get("resolveHours"));
        LocalDateTime resolveDue = hours > 0 ? plannedAt.plusHours(hours)
                : calendar.plusWorkingDays(plannedAt, (int) number(rule.get("resolveWorkingDays")));
        LocalDateTime warnAt = plannedAt.plus(Duration.between(plannedAt, resolveDue).multipliedBy(3).dividedBy(4));
        return new DeadlinePlan(plannedAt, signDue, resolveDue, warnAt);
    }

    /** Whether the resolve deadline is counted in working days, i.e. depends on the calendar. */
    static boolean countsWorkingDays(Map<String, Object> rule) {
        return number(rule.get("resolveHours")) <= 0;
    }

    static long signHours(Map<String, Object> rule) {
        return number(rule.get("signHours"));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
