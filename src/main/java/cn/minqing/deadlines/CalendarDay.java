package cn.minqing.deadlines;

import java.time.LocalDate;

/**
 * One day that differs from the plain week: a public holiday on which nobody works, or a weekend day
 * worked in exchange (调休上班).
 */
public record CalendarDay(LocalDate date, String kind, String name) {

    public static final String HOLIDAY = "holiday";
    public static final String WORKDAY = "workday";

    boolean isHoliday() {
        return HOLIDAY.equals(kind);
    }
}
