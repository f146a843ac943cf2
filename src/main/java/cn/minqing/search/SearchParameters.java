package cn.minqing.search;

import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The query parameters of GET /api/search, checked all together before Elasticsearch sees any of them: every
 * wrong one is named at once, and nothing malformed reaches the index as an error of its own.
 */
record SearchParameters(String q, String category, String status, String region, Boolean overdue, String organisation,
                        String urgency, String from, String to, String near, Double radiusKm, String sort,
                        List<String> after, int offset, int size, String channel) {

    /** Where a case came from: the phone or web, a visit (民情走访), another system through Open311. */
    static final List<String> CHANNELS = List.of("app", "visit", "open311");

    SearchParameters(String q, String category, String status, String region, Boolean overdue, String organisation,
                     String urgency, String from, String to, String near, Double radiusKm, String sort,
                     List<String> after, int offset, int size) {
        this(q, category, status, region, overdue, organisation, urgency, from, to, near, radiusKm, sort, after, offset,
                size, null);
    }

    static final List<String> SORTS = List.of("relevance", "newest", "supporters", "deadline");
    static final int MAX_WINDOW = 10_000;

    CaseSearch.Criteria criteria() {
        List<FieldProblem> problems = new ArrayList<>();
        if (size < 1 || size > 100) {
            problems.add(new FieldProblem("size", "search.size.invalid"));
        }
        if (sort != null && !SORTS.contains(sort)) {
            problems.add(new FieldProblem("sort", "search.sort.invalid"));
        }
        if (q != null && q.length() > 200) {
            problems.add(new FieldProblem("q", "search.text.tooLong"));
        }
        checkFilter(problems, "category", category);
        checkFilter(problems, "status", status);
        checkFilter(problems, "region", region);
        checkFilter(problems, "organisation", organisation);
        checkFilter(problems, "urgency", urgency);
        if (channel != null && !CHANNELS.contains(channel)) {
            problems.add(new FieldProblem("channel", "search.channel.invalid", String.join("、", CHANNELS)));
        }
        // "from" is a date (the filter); a bare number is the old paging offset
        boolean fromIsOffset = from != null && from.matches("\\d{1,9}");
        int skip = fromIsOffset ? Integer.parseInt(from) : offset;
        if (skip < 0 || skip + Math.max(size, 0) > MAX_WINDOW) {
            problems.add(new FieldProblem(fromIsOffset ? "from" : "offset", "search.offset.invalid"));
        }
        LocalDate fromDate = fromIsOffset || from == null ? null : date(from, "from", "search.from.invalid", problems);
        LocalDate toDate = to == null ? null : date(to, "to", "search.to.invalid", problems);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            problems.add(new FieldProblem("to", "search.to.invalid"));
        }
        double[] point = near == null ? null : point(near, problems);
        if (radiusKm != null && (radiusKm.isNaN() || radiusKm < 0.1 || radiusKm > 500 || near == null)) {
            problems.add(new FieldProblem("radiusKm", "search.radius.invalid"));
        }
        if (after != null && !after.isEmpty() && !validAfter(after)) {
            problems.add(new FieldProblem("after", "search.after.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CaseSearch.Criteria(q, category, status, region, overdue, size, skip, organisation, urgency,
                fromDate == null ? null : fromDate.toString(), toDate == null ? null : toDate.toString(),
                point == null ? null : point[0], point == null ? null : point[1], radiusKm, sort, after, channel);
    }

    private static void checkFilter(List<FieldProblem> problems, String field, String value) {
        if (value != null && value.length() > 64) {
            problems.add(new FieldProblem(field, "search.filter.tooLong"));
        }
    }

    private static LocalDate date(String value, String field, String key, List<FieldProblem> problems) {
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() >= 2000 && d.getYear() <= 2100) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        problems.add(new FieldProblem(field, key));
        return null;
    }

    private static double[] point(String near, List<FieldProblem> problems) {
        String[] parts = near.split(",");
        try {
            double lat = Double.parseDouble(parts[0].strip());
            double lon = Double.parseDouble(parts[1].strip());
            if (parts.length == 2 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                return new double[] {lat, lon};
            }
        } catch (RuntimeException e) {
            // named below
        }
        problems.add(new FieldProblem("near", "search.near.invalid"));
        return null;
    }

    /** A page marker is what the previous page returned: a sort value (a number) and a case number. */
    private static boolean validAfter(List<String> after) {
        if (after.size() != 2 || !after.get(1).matches("[A-Za-z0-9-]{1,40}")) {
            return false;
        }
        try {
            BigDecimal value = new BigDecimal(after.get(0).strip());
            return value.abs().compareTo(new BigDecimal("1e20")) < 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
