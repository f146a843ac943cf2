package cn.minqing.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicator library from the daily rollups (每日汇总, V470): the same counts as the case-level formulas
 * ({@link Indicators}), summed over the days of the period instead of counted over its cases. Overdue open cases are
 * counted from the rollup's deadline days before today (UTC) and from the case rows due earlier today. The P90 of the
 * whole period (no grouping) is found in the hourly histogram of times to close and read exactly from the case rows of
 * that one hour; so is each group's P90, from the histogram of its group (one statement finds the hours, one more reads
 * the cases of every group's hour at once).
 */
@Repository
class DailyIndicators {

    static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("none", "'all'"),
            Map.entry("township", "substr(r.village_code, 1, 4)"),
            Map.entry("village", "r.village_code"),
            Map.entry("category", "r.category_code"),
            Map.entry("organisation", "r.org"),
            Map.entry("day", "to_char(r.day, 'YYYY-MM-DD')"),
            Map.entry("week", "to_char(date_trunc('week', r.day::timestamp), 'YYYY-MM-DD')"),
            Map.entry("month", "to_char(r.day, 'YYYY-MM')"),
            Map.entry("quarter", "to_char(r.day, 'YYYY-\"Q\"Q')"),
            Map.entry("year", "to_char(r.day, 'YYYY')"));

    private static final String COUNTS = """
            received, dispatched, signed_in_time, closed, closed_in_time, closed_with_deadline, solved, answered, extended,
            closed_in_original_time, satisfied, rated, no_response, reworked, returned, supervisions, reworks, open_count,
            open_due, closed_timed, closed_seconds, supporters, deferred, ever_deferred""";

    private static final String FILTER = """
             where cube = :cube and day >= :fromDay and day < :toDay and village_code like :region
               and (cast(:category as text) is null or category_code = :category)
               and (cast(:organisation as text) is null or (org = :organisation and org <> '-'))""";

    /** The days of the period outside its whole months, which the monthly rollup answers (V540). */
    private static final String DAYS = FILTER + " and (day < :monthsFrom or day >= :monthsTo)";

    /** The whole months of the period: their rows are dated the first of the month. */
    private static final String MONTHS = FILTER.replace("day >= :fromDay and day < :toDay", "day >= :monthsFrom and day < :monthsTo");

    private static final String SELECT = """
            with due_today as materialized (
              -- open cases that fell due earlier today (UTC), found by their deadline (a handful) before anything else:
              -- a generic plan otherwise joined that index with the period's (a year: a million entries, 200 ms)
              select c.created_at, c.village_code, c.category_code, c.handling_org
                from minqing.case_record c
               where c.closed_at is null and c.status not in ('rejected', 'merged')
                 and c.resolve_due >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' and c.resolve_due < now()),
            r as (
              select day, village_code, category_code, org, due_day, %1$s, 0 as overdue_today
                from minqing.case_day_count %4$s
              union all
              select day, village_code, category_code, org, due_day, %1$s, 0 from minqing.case_month_count %5$s
              union all
              select day, village_code, category_code, org, due_day, %1$s, 0 from minqing.case_day_delta %2$s
              union all
              -- open cases that fell due earlier today (UTC): the rollup counts those due before today
              select (c.created_at at time zone :zone)::date, c.village_code, c.category_code, coalesce(c.handling_org, '-'),
                     'infinity', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
                from due_today c
               where c.created_at >= :from and c.created_at < :to and c.village_code like :region
                 and (cast(:category as text) is null or c.category_code = :category)
                 and (cast(:organisation as text) is null or c.handling_org = :organisation))
            select %3$s as key,
              sum(received) as received_count, sum(dispatched) as dispatched, sum(signed_in_time) as signed_in_time,
              sum(closed) as closed, sum(closed_in_time) as closed_in_time, sum(closed_with_deadline) as closed_with_deadline,
              sum(solved) as solved, sum(answered) as answered, sum(extended) as extended,
              sum(closed_in_original_time) as closed_in_original_time, sum(satisfied) as satisfied, sum(rated) as rated,
              sum(no_response) as no_response, sum(reworked) as reworked, sum(returned) as returned,
              sum(supervisions) as supervisions, sum(reworks) as reworks, sum(open_count) as open_count,
              coalesce(sum(open_due) filter (where due_day < (now() at time zone 'UTC')::date), 0) + sum(overdue_today)
                  as overdue_count,
              sum(closed_seconds) / nullif(sum(closed_timed), 0) / 3600 as avg_hours,
              null::float8 as p90_hours,
              sum(supporters)::numeric / nullif(sum(received), 0) as supporters,
              sum(deferred) as deferred, sum(ever_deferred) as ever_deferred
              from r %6$s group by 1 having sum(received) > 0 order by 1
            """;

    private static final String HOURS = """
            select hours, sum(n) as n from (
              select hours, n from minqing.case_day_duration %2$s
              union all select hours, n from minqing.case_month_duration %3$s
              union all select hours, n from minqing.case_duration_delta %1$s) d
             group by hours having sum(n) <> 0 order by hours
            """;

    /** Each group's histogram of times to close, the group's key made from the rollup row as {@link #GROUPS} does. */
    private static final String HOURS_BY_GROUP = """
            select %2$s as key, r.hours, sum(r.n) as n from (
              select day, village_code, category_code, org, hours, n from minqing.case_day_duration %3$s
              union all
              select day, village_code, category_code, org, hours, n from minqing.case_month_duration %4$s
              union all
              select day, village_code, category_code, org, hours, n from minqing.case_duration_delta %1$s) r
             group by 1, 2 having sum(r.n) <> 0 order by 1, 2
            """;

    /**
     * For every group at once, the k-th smallest time to close within the group's hour: the cases of each hour that
     * some group needs are read once (the index on (closed_at - created_at)), their group's key made from the case
     * row as {@link Indicators#GROUPS} does, and each group keeps those of its own hour.
     */
    private static final String IN_HOUR_BY_GROUP = """
            with hour_cases as materialized (
              select %1$s as key, u.hour, c.closed_at - c.created_at as took
                from unnest(cast(:wanted as int[])) as u(hour)
                join minqing.case_record c
                  on c.status in ('solved', 'unsolvable')
                 and (c.closed_at - c.created_at) >= u.hour * interval '1 hour'
                 and (c.closed_at - c.created_at) < (u.hour + 1) * interval '1 hour'
               where c.created_at >= :from and c.created_at < :to and c.village_code like :region
                 and (cast(:category as text) is null or c.category_code = :category)
                 and (cast(:organisation as text) is null or c.handling_org = :organisation))
            select x.key, x.hours from (
              select h.key, h.rank, extract(epoch from t.took) / 3600 as hours,
                     row_number() over (partition by h.key order by t.took) as place
                from hour_cases t
                join unnest(cast(:keys as text[]), cast(:hours as int[]), cast(:ranks as bigint[])) as h(key, hour, rank)
                  on h.key = t.key and h.hour = t.hour) x
             where x.place = x.rank
            """;

    /** The k-th smallest time to close within one hour: the index on (closed_at - created_at) finds that hour's cases. */
    private static final String IN_HOUR = """
            select extract(epoch from c.closed_at - c.created_at) / 3600 as hours
              from minqing.case_record c
             where c.status in ('solved', 'unsolvable')
               and (c.closed_at - c.created_at) >= :hour * interval '1 hour'
               and (c.closed_at - c.created_at) < (:hour + 1) * interval '1 hour'
               and c.created_at >= :from and c.created_at < :to and c.village_code like :region
               and (cast(:category as text) is null or c.category_code = :category)
               and (cast(:organisation as text) is null or c.handling_org = :organisation)
             order by 1 offset :rank - 1 limit 1
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Indicators cases;
    private final String zone;
    /** One snapshot for the counts, the histograms and the cases of each P90's hour (joins a caller's transaction). */
    private final TransactionTemplate snapshot;

    DailyIndicators(NamedParameterJdbcTemplate jdbc, Indicators cases, PlatformTransactionManager transactions,
                    @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.zone = zone;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /**
     * The rollup cube a query can be answered from (V470): 1 township × category, 2 village, 3 township ×
     * organisation, 4 village × category; 0 when it needs more than one cube keeps.
     */
    static int cube(StatsQuery q) {
        boolean village = q.region().length() > 4 || q.groupBy().equals("village");
        boolean category = q.category() != null || q.groupBy().equals("category");
        boolean organisation = q.organisation() != null || q.groupBy().equals("organisation");
        if (organisation) {
            return village || category ? 0 : 3;
        }
        return village ? (category ? 4 : 2) : 1;
    }

    /**
     * The indicators of each group of the cases reported from {@code from} to {@code to} (days, inclusive), all read
     * in one repeatable-read snapshot: the P90 is read in statements after the counts (its histogram, then the cases
     * of its hour), and a case changed between them, as each statement saw its own moment, could leave a group's P90
     * without its case for one read (a low finding of the security review).
     */
    Map<String, IndicatorValues> compute(StatsQuery q, LocalDate from, LocalDate to, boolean percentile) {
        return snapshot.execute(status -> read(q, from, to, percentile));
    }

    /**
     * Several groupings of one query (without P90s), each as {@link #compute} gives it: when they read the same cube
     * and may read whole months, in one statement that reads the rollup rows once and counts each row into every
     * grouping (a row is repeated once per grouping, keyed "grouping|key"); otherwise one statement each.
     */
    Map<String, Map<String, IndicatorValues>> computeEach(StatsQuery q, List<String> groupings, LocalDate from, LocalDate to) {
        Map<String, Map<String, IndicatorValues>> each = new LinkedHashMap<>();
        java.util.function.Function<String, StatsQuery> by = g -> new StatsQuery(q.region(), q.organisation(), q.category(),
                q.from(), q.to(), g);
        int cube = cube(by.apply(groupings.get(0)));
        boolean shared = cube != 0 && groupings.stream().allMatch(g -> cube(by.apply(g)) == cube
                && !needsDays(g));
        if (!shared) {
            groupings.forEach(g -> each.put(g, compute(by.apply(g), from, to, false)));
            return each;
        }
        groupings.forEach(g -> each.put(g, new LinkedHashMap<>()));
        String each0 = groupings.stream().map(g -> "('" + g + "', " + GROUPS.get(g) + ")")
                .collect(java.util.stream.Collectors.joining(", ", "cross join lateral (values ", ") as g(grouping, key)"));
        MapSqlParameterSource params = params(q, from, to).addValue("cube", cube);
        wholeMonths(params, by.apply(groupings.get(0)), from, to);
        snapshot.executeWithoutResult(status -> jdbc.query(
                SELECT.formatted(COUNTS, FILTER, "g.grouping || '|' || g.key", DAYS, MONTHS, each0), params, rs -> {
                    String[] key = rs.getString("key").split("\\|", 2);
                    each.get(key[0]).put(key[1], IndicatorValues.from(rs));
                }));
        return each;
    }

    private Map<String, IndicatorValues> read(StatsQuery q, LocalDate from, LocalDate to, boolean percentile) {
        int cube = cube(q);
        if (cube == 0) { // a place, a category and an organisation at once: counted from the case rows
            return cases.compute(q, start(from), start(to.plusDays(1)), percentile);
        }
        MapSqlParameterSource params = params(q, from, to).addValue("cube", cube);
        wholeMonths(params, q, from, to);
        Map<String, IndicatorValues> rows = new LinkedHashMap<>();
        jdbc.query(SELECT.formatted(COUNTS, FILTER, GROUPS.get(q.groupBy()), DAYS, MONTHS, ""), params, rs -> {
            rows.put(rs.getString("key"), IndicatorValues.from(rs));
        });
        if (!percentile || rows.isEmpty()) {
            return rows;
        }
        Map<String, Double> p90 = new java.util.HashMap<>();
        if (q.groupBy().equals("none")) {
            p90.put("all", p90(params));
        } else {
            p90.putAll(p90ByGroup(q, params));
        }
        Map<String, IndicatorValues> withP90 = new LinkedHashMap<>();
        rows.forEach((key, v) -> withP90.put(key, new IndicatorValues(v.receivedCount(), v.responseRate(), v.onTimeRate(),
                v.resolutionRate(), v.satisfactionRate(), v.feedbackRate(), v.reworkRate(), v.returnRate(), v.supervisionCount(),
                v.openCount(), v.overdueCount(), v.avgResolutionHours(), round(p90.get(key)), v.supportersPerCase(),
                v.directAnswerRate(), v.extensionRate(), v.onTimeOriginalRate(), v.deferredCount(), v.deferralRate())));
        return withP90;
    }

    /**
     * Nearest rank, as percentile_disc(0.9): the ⌈0.9·n⌉-th smallest time to close. The histogram names the hour it
     * lies in and its rank there; the case rows of that hour give the exact time.
     */
    private Double p90(MapSqlParameterSource params) {
        List<long[]> hours = jdbc.query(HOURS.formatted(FILTER, DAYS, MONTHS), params, (rs, i) -> new long[] {rs.getLong("hours"), rs.getLong("n")});
        long[] place = ninetiethIn(hours);
        if (place == null) {
            return null;
        }
        params.addValue("hour", place[0]).addValue("rank", place[1]);
        return jdbc.queryForObject(IN_HOUR, params, Double.class);
    }

    /**
     * The hour of a histogram ({hour, cases} in order of hour) that holds its ⌈0.9·n⌉-th smallest time to close, and
     * that case's rank within the hour; null for no cases.
     */
    private static long[] ninetiethIn(List<long[]> histogram) {
        long total = histogram.stream().mapToLong(h -> h[1]).sum();
        if (total <= 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(0.9 * total));
        for (long[] h : histogram) {
            if (rank <= h[1]) {
                return new long[] {h[0], rank};
            }
            rank -= h[1];
        }
        throw new IllegalStateException("the histogram of times to close is inconsistent");
    }

    /**
     * The period's whole months [monthsFrom, monthsTo), read from the monthly rollup; none when the groups are days
     * or weeks, which need the days.
     */
    private static void wholeMonths(MapSqlParameterSource params, StatsQuery q, LocalDate from, LocalDate to) {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate end = to.plusDays(1).withDayOfMonth(1);
        if (!first.isBefore(end) || needsDays(q.groupBy())) {
            first = from;
            end = from;
        }
        params.addValue("monthsFrom", first).addValue("monthsTo", end);
    }

    /** Groups by day or by week read the daily rollup only: a month row cannot be split into them. */
    private static boolean needsDays(String grouping) {
        return grouping.equals("day") || grouping.equals("week");
    }

    /** Each group's P90 as {@link #p90}: its hour and rank from the group's histogram, then its cases of that hour. */
    private Map<String, Double> p90ByGroup(StatsQuery q, MapSqlParameterSource params) {
        Map<String, List<long[]>> histograms = new LinkedHashMap<>();
        jdbc.query(HOURS_BY_GROUP.formatted(FILTER, GROUPS.get(q.groupBy()), DAYS, MONTHS), params, rs -> {
            histograms.computeIfAbsent(rs.getString("key"), k -> new java.util.ArrayList<>())
                    .add(new long[] {rs.getLong("hours"), rs.getLong("n")});
        });
        List<String> keys = new java.util.ArrayList<>();
        List<Integer> hours = new java.util.ArrayList<>();
        List<Long> ranks = new java.util.ArrayList<>();
        histograms.forEach((key, histogram) -> {
            long[] place = ninetiethIn(histogram);
            if (place != null) {
                keys.add(key);
                hours.add((int) place[0]);
                ranks.add(place[1]);
            }
        });
        Map<String, Double> p90 = new java.util.HashMap<>();
        if (keys.isEmpty()) {
            return p90;
        }
        MapSqlParameterSource byGroup = new MapSqlParameterSource(params.getValues())
                .addValue("keys", keys.toArray(String[]::new))
                .addValue("hours", hours.stream().mapToInt(Integer::intValue).toArray())
                .addValue("ranks", ranks.stream().mapToLong(Long::longValue).toArray())
                .addValue("wanted", hours.stream().distinct().mapToInt(Integer::intValue).toArray());
        jdbc.query(IN_HOUR_BY_GROUP.formatted(Indicators.GROUPS.get(q.groupBy())), byGroup,
                rs -> { p90.put(rs.getString("key"), rs.getDouble("hours")); });
        return p90;
    }

    private MapSqlParameterSource params(StatsQuery q, LocalDate from, LocalDate to) {
        return new MapSqlParameterSource().addValue("fromDay", from).addValue("toDay", to.plusDays(1))
                .addValue("from", start(from)).addValue("to", start(to.plusDays(1)))
                .addValue("region", q.region() + "%").addValue("category", q.category(), java.sql.Types.VARCHAR)
                .addValue("organisation", q.organisation(), java.sql.Types.VARCHAR).addValue("zone", zone);
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(ZoneId.of(zone)).toOffsetDateTime();
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
