package cn.minqing.open311;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The filters of "GET Service Requests": ids (which override the rest), service codes, a time span (the last
 * 90 days when none is given) and open/closed, each comma-separated; every wrong one is named.
 */
@Component
class RequestQueries {

    static final int DEFAULT_DAYS = 90;
    private static final int MOST_IDS = 100;
    private static final OffsetDateTime EVER = OffsetDateTime.parse("2000-01-01T00:00:00+08:00");
    private final Categories categories;
    private final Clock clock;

    RequestQueries(Categories categories, Clock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    RequestFeed.Query parse(MultiValueMap<String, String> params) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> ids = list(params, "service_request_id");
        if (ids.size() > MOST_IDS || ids.stream().anyMatch(id -> id.length() > 64)) {
            problems.add(new FieldProblem("service_request_id", "open311.ids.invalid", MOST_IDS));
        }
        List<String> codes = list(params, "service_code");
        Set<String> known = categories.everything().stream().map(Category::code).collect(Collectors.toSet());
        codes.stream().filter(c -> !known.contains(c)).findFirst()
                .ifPresent(c -> problems.add(new FieldProblem("service_code", "open311.service.unknown", c)));
        List<String> statuses = list(params, "status");
        if (statuses.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
            problems.add(new FieldProblem("status", "open311.status.invalid"));
        }
        OffsetDateTime start = time(params, "start_date", problems);
        OffsetDateTime end = time(params, "end_date", problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.add(new FieldProblem("end_date", "open311.span.backwards"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!ids.isEmpty()) {
            return new RequestFeed.Query(ids, List.of(), EVER, OffsetDateTime.now(clock).plusYears(1), List.of());
        }
        OffsetDateTime to = end != null ? end : start != null ? start.plusDays(DEFAULT_DAYS) : OffsetDateTime.now(clock).plusMinutes(1);
        OffsetDateTime from = start != null ? start : to.minusDays(DEFAULT_DAYS);
        return new RequestFeed.Query(List.of(), codes, from, to, statuses);
    }

    private static List<String> list(MultiValueMap<String, String> params, String name) {
        String raw = RequestFiling.first(params, name);
        if (RequestFiling.blank(raw)) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * ISO 8601 with an offset (2026-12-01T00:00:00+08:00 or …Z), or a date (the county's midnight). A client that
     * put the offset's {@code +} into the query unencoded sends a space ({@code …T00:00:00 08:00}): read as the +.
     */
    private OffsetDateTime time(MultiValueMap<String, String> params, String name, List<FieldProblem> problems) {
        String raw = RequestFiling.first(params, name);
        if (RequestFiling.blank(raw)) {
            return null;
        }
        String text = raw.strip().replaceFirst("^(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+) (\\d\\d(:?\\d\\d)?)$", "$1+$2");
        try {
            OffsetDateTime at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(clock.getZone()).toOffsetDateTime()
                    : OffsetDateTime.parse(text);
            if (at.getYear() >= 1970 && at.getYear() <= 9999) {
                return at; // a year the database and the 90-day window can hold
            }
        } catch (java.time.DateTimeException e) {
            // named below
        }
        problems.add(new FieldProblem(name, "open311.date.invalid"));
        return null;
    }
}
