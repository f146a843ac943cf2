package cn.minqing.deadlines;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether the calendar covers the deadlines being set now: the current year must be entered, and from
 * 1 November also the next one (deadlines of up to 15 working days reach into it, and the State Council
 * usually publishes the next year's holidays in late October or November).
 */
public record CalendarCoverage(String status, List<Integer> missingYears, List<Integer> knownYears,
                               List<Integer> provisionalYears) {

    public static final String COMPLETE = "OK";
    public static final String MISSING_NEXT_YEAR = "MISSING_NEXT_YEAR";
    public static final String MISSING_CURRENT_YEAR = "MISSING_CURRENT_YEAR";
    static final Month NEXT_YEAR_EXPECTED = Month.NOVEMBER;

    static CalendarCoverage of(Collection<Integer> known, LocalDate today) {
        return of(known, List.of(), today);
    }

    /**
     * {@code provisional}: years known only by their statutory holidays; they still count as missing (the notice
     * is what admins must enter), though deadlines already count those holidays off.
     */
    static CalendarCoverage of(Collection<Integer> known, Collection<Integer> provisional, LocalDate today) {
        int year = today.getYear();
        List<Integer> missing = new ArrayList<>();
        if (!known.contains(year)) {
            missing.add(year);
        }
        if (today.getMonthValue() >= NEXT_YEAR_EXPECTED.getValue() && !known.contains(year + 1)) {
            missing.add(year + 1);
        }
        String status = missing.contains(year) ? MISSING_CURRENT_YEAR : missing.isEmpty() ? COMPLETE : MISSING_NEXT_YEAR;
        return new CalendarCoverage(status, List.copyOf(missing), known.stream().sorted().toList(),
                provisional.stream().filter(missing::contains).sorted().toList());
    }

    public boolean complete() {
        return missingYears.isEmpty();
    }
}
