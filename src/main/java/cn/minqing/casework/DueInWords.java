package cn.minqing.casework;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A deadline in words, as a cadre says it: 超期2天, 剩5小时, 剩3天. Calendar time, whole units rounded down:
 * under an hour in minutes, under a day in hours, else in days.
 */
public final class DueInWords {

    private DueInWords() {
    }

    /** The words for a deadline seen at {@code now}; empty when there is no deadline. */
    public static String of(OffsetDateTime deadline, OffsetDateTime now, MessageSource messages, Locale locale) {
        if (deadline == null) {
            return "";
        }
        Duration left = Duration.between(now, deadline);
        boolean overdue = left.isNegative();
        Duration span = left.abs();
        String unit = span.toHours() < 1 ? "minutes" : span.toDays() < 1 ? "hours" : "days";
        long amount = switch (unit) {
            case "minutes" -> Math.max(1, span.toMinutes());
            case "hours" -> span.toHours();
            default -> span.toDays();
        };
        return messages.getMessage("due." + (overdue ? "overdue." : "left.") + unit, new Object[] {amount}, locale);
    }

    /** Whole calendar days since the deadline passed (0 within the first day); 0 when it has not passed. */
    public static long daysOverdue(OffsetDateTime deadline, OffsetDateTime now) {
        return deadline == null || !deadline.isBefore(now) ? 0 : Duration.between(deadline, now).toDays();
    }
}
