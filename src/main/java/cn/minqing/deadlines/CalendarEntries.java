package cn.minqing.deadlines;

import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a year's entries all at once, so that an admin sees every bad one in one answer, each named
 * by its position ("[3].date"): a date inside the year and not repeated, kind holiday or workday, a
 * make-up working day (调休上班) only on a Saturday or Sunday, and a name of at most 30 characters.
 */
final class CalendarEntries {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int NAME_LENGTH = 30;

    private CalendarEntries() {
    }

    static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "calendar.year.invalid", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
    }

    static List<CalendarDay> check(int year, List<CalendarEntry> entries) {
        checkYear(year);
        if (entries == null || entries.isEmpty()) {
            throw new InvalidInputException("entries", "calendar.entries.empty", String.valueOf(year));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            CalendarEntry e = entries.get(i);
            String at = "[" + i + "]";
            if (e == null) {
                problems.add(new FieldProblem(at, "calendar.entry.required"));
                continue;
            }
            LocalDate date = date(e.date(), year, at, seen, problems);
            String kind = kind(e.kind(), date, at, problems);
            String name = e.name() == null ? "" : e.name().strip();
            if (name.isEmpty()) {
                problems.add(new FieldProblem(at + ".name", "calendar.name.required"));
            } else if (name.codePointCount(0, name.length()) > NAME_LENGTH) {
                problems.add(new FieldProblem(at + ".name", "calendar.name.tooLong", NAME_LENGTH));
            }
            if (date != null && kind != null) {
                days.add(new CalendarDay(date, kind, name));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return days;
    }

    private static LocalDate date(String text, int year, String at, Set<LocalDate> seen, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(at + ".date", "calendar.date.required"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(at + ".date", "calendar.date.invalid", text.strip()));
            return null;
        }
        if (date.getYear() != year) {
            problems.add(new FieldProblem(at + ".date", "calendar.date.outsideYear", date.toString(), String.valueOf(year)));
            return null;
        }
        if (!seen.add(date)) {
            problems.add(new FieldProblem(at + ".date", "calendar.date.duplicate", date.toString()));
            return null;
        }
        return date;
    }

    private static String kind(String text, LocalDate date, String at, List<FieldProblem> problems) {
        String kind = text == null ? "" : text.strip();
        if (!kind.equals(CalendarDay.HOLIDAY) && !kind.equals(CalendarDay.WORKDAY)) {
            problems.add(new FieldProblem(at + ".kind", "calendar.kind.invalid"));
            return null;
        }
        if (kind.equals(CalendarDay.WORKDAY) && date != null && !WorkCalendar.isWeekend(date)) {
            problems.add(new FieldProblem(at + ".kind", "calendar.workday.notWeekend", date.toString()));
            return null;
        }
        return kind;
    }
}
