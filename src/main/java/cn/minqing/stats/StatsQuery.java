package cn.minqing.stats;

import java.time.LocalDate;

/** Which cases and how to group them: region prefix, organisation, category, period [from, to], groupBy. */
public record StatsQuery(String region, String organisation, String category, LocalDate from, LocalDate to, String groupBy) {
}
