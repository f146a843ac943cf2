package cn.minqing.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * China's working days: Monday to Friday, less public holidays, plus the weekend days worked in
 * exchange (调休). The days come from the database ({@link Calendars#current()}); a year nobody has
 * entered has only weekends off, which the calendar health check warns about.
 */
public final class WorkCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    private WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this.holidays = holidays;
        this.makeUpWorkdays = makeUpWorkdays;
    }

    public static WorkCalendar of(Collection<CalendarDay> days) {
        return new WorkCalendar(
                days.stream().filter(CalendarDay::isHoliday).map(CalendarDay::date).collect(Collectors.toUnmodifiableSet()),
                days.stream().filter(d -> !d.isHoliday()).map(CalendarDay::date).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        return !isWeekend(day) && !holidays.contains(day);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * The same time of day {@code days} working days later: a case received on the Friday before the
     * National Day week is due counting only the working days around it.
     */
    public LocalDateTime plusWorkingDays(LocalDateTime from, int days) {
        LocalDate day = from.toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day.atTime(from.toLocalTime());
    }
}
