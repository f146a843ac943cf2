package cn.minqing.overdue;

import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the overdue board is asked for: the order ({@code days} overdue, the default; {@code organisation};
 * {@code village}) and optional filters: a region within the viewer's scope, a category, and the days the
 * cases were filed ({@code from}, {@code to}, as the dashboard's period).
 */
record OverdueQuery(String sort, String region, String category, LocalDate from, LocalDate to) {

    static final List<String> SORTS = List.of("days", "organisation", "village");

    /** Checks every parameter at once; a blank one means "any". */
    static OverdueQuery of(String sort, String region, String category, String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        String order = blank(sort) == null ? "days" : sort;
        if (!SORTS.contains(order)) {
            problems.add(new FieldProblem("sort", "overdue.sort.invalid", String.join(" | ", SORTS)));
        }
        if (blank(region) != null && region.length() > 16) {
            problems.add(new FieldProblem("region", "overdue.region.unknown", region.substring(0, 16)));
        }
        if (blank(category) != null && category.length() > 32) {
            problems.add(new FieldProblem("category", "overdue.category.unknown", category.substring(0, 32)));
        }
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new FieldProblem("to", "overdue.period.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new OverdueQuery(order, blank(region), blank(category), fromDate, toDate);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value) : failed();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "overdue.date.invalid", value.length() > 20 ? value.substring(0, 20) : value));
            return null;
        }
    }

    private static LocalDate failed() {
        throw new DateTimeParseException("not a date", "", 0);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
