package cn.minqing.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Periods as buckets of a time grouping (day, week from Monday, month, quarter, year), named as
 * {@link Indicators} names them: 2026-11-23, 2026-11, 2026-Q4, 2026.
 */
final class Buckets {

    private Buckets() {
    }

    static LocalDate startOf(LocalDate day, String unit) {
        return switch (unit) {
            case "day" -> day;
            case "week" -> day.with(DayOfWeek.MONDAY);
            case "month" -> day.withDayOfMonth(1);
            case "quarter" -> day.withMonth(day.get(IsoFields.QUARTER_OF_YEAR) * 3 - 2).withDayOfMonth(1);
            case "year" -> day.withDayOfYear(1);
            default -> throw new IllegalArgumentException("not a period: " + unit);
        };
    }

    static LocalDate next(LocalDate start, String unit) {
        return switch (unit) {
            case "day" -> start.plusDays(1);
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            case "quarter" -> start.plusMonths(3);
            case "year" -> start.plusYears(1);
            default -> throw new IllegalArgumentException("not a period: " + unit);
        };
    }

    static LocalDate previous(LocalDate start, String unit) {
        return startOf(start.minusDays(1), unit);
    }

    static String key(LocalDate start, String unit) {
        return switch (unit) {
            case "month" -> start.toString().substring(0, 7);
            case "quarter" -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case "year" -> String.valueOf(start.getYear());
            default -> start.toString();
        };
    }

    /** The starts of every bucket that [from, to] touches, empty ones included. */
    static List<LocalDate> starts(LocalDate from, LocalDate to, String unit) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate s = startOf(from, unit); !s.isAfter(to); s = next(s, unit)) {
            starts.add(s);
        }
        return starts;
    }
}
