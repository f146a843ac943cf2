package cn.minqing.visits;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A visit coming due on a visitor's task list: yellow once 75% of the household's interval has passed since its
 * last visit, red when it is overdue, as cases are flagged; {@code visitIntervalUnit} says whether the interval
 * counts calendar days or working days.
 */
public record DueVisit(long household, String headName, String villageName, String address, List<String> tags,
                       int visitIntervalDays, String visitIntervalUnit, OffsetDateTime lastVisitAt,
                       OffsetDateTime due, String flag, long daysOverdue) {
}
