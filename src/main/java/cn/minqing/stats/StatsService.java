package cn.minqing.stats;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Leaders' and admins' indicators, in their region, with the change against the previous period. */
@Service
class StatsService {

    private final Indicators indicators;
    private final DailyIndicators daily;
    /** Read the daily rollups (每日汇总) rather than the case rows ({@code minqing.stats.read-rollups}). */
    private final boolean readRollups;
    private final Regions regions;
    private final Categories categories;
    private final Organisations organisations;
    private final StageDurations stageDurations;
    private final ZoneId zone;

    StatsService(Indicators indicators, DailyIndicators daily, Regions regions, Categories categories,
                 Organisations organisations, StageDurations stageDurations,
                 @Value("${minqing.time-zone:Asia/Shanghai}") String zone,
                 @Value("${minqing.stats.read-rollups:true}") boolean readRollups) {
        this.daily = daily;
        this.readRollups = readRollups;
        this.stageDurations = stageDurations;
        this.indicators = indicators;
        this.regions = regions;
        this.categories = categories;
        this.organisations = organisations;
        this.zone = ZoneId.of(zone);
    }

    public record Report(StatsQuery query, LocalDate previousFrom, LocalDate previousTo, List<IndicatorDefinition> definitions,
                  List<StatsRow> rows) {
    }

    /** The query a caller may run: their region by default, never outside it; the last 30 days by default. */
    StatsQuery query(String region, String organisation, String category, LocalDate from, LocalDate to, String groupBy,
                     CurrentUser user) {
        String scope = scopeOf(user);
        String r = region == null || region.isBlank() ? scope : region;
        if (!r.isEmpty() && regions.find(r).isEmpty()) {
            throw new InvalidInputException("region", "stats.region.unknown");
        }
        if (!regions.within(r, scope)) {
            throw ApiException.forbidden("stats.outOfScope");
        }
        String g = groupBy == null || groupBy.isBlank() ? "none" : groupBy;
        if (!Indicators.GROUPS.containsKey(g)) {
            throw new InvalidInputException("groupBy", "stats.groupBy.invalid");
        }
        LocalDate end = to != null ? to : LocalDate.now(zone);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "stats.period.invalid");
        }
        if (ChronoUnit.YEARS.between(start, end) >= 10) {
            throw new InvalidInputException("from", "stats.period.tooLong");
        }
        return new StatsQuery(r, blank(organisation), blank(category), start, end, g);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Report report(String region, String organisation, String category, LocalDate from, LocalDate to, String groupBy,
                  CurrentUser user) {
        return report(query(region, organisation, category, from, to, groupBy, user));
    }

    /**
     * The indicators of each group, with the change against the previous period of the same length. One snapshot
     * (repeatable read) for all of its statements: the rollups, the histograms and the case rows of each P90's hour
     * are read as of one moment, so a change committed between two of them cannot leave a P90 without its case.
     * Grouped by time, every bucket the period touches is listed (empty ones too) and compared with
     * the bucket before it; the first and last buckets may be partial.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Report report(StatsQuery q) {
        LocalDate start = q.from();
        long days = ChronoUnit.DAYS.between(start, q.to()) + 1;
        // from the daily rollups (每日汇总): the same counts as the case rows, summed by day
        Map<String, IndicatorValues> now = compute(q, start, q.to(), true);
        Map<String, IndicatorValues> before = compute(q, start.minusDays(days), start.minusDays(1), true);
        java.util.function.UnaryOperator<String> names = namesOf(q.groupBy());
        List<StatsRow> rows = new java.util.ArrayList<>();
        if (Indicators.PERIODS.contains(q.groupBy())) {
            String unit = q.groupBy();
            List<LocalDate> starts = Buckets.starts(start, q.to(), unit);
            IndicatorValues prev = before.getOrDefault(Buckets.key(Buckets.previous(starts.get(0), unit), unit),
                    IndicatorValues.empty());
            for (LocalDate bucket : starts) {
                String key = Buckets.key(bucket, unit);
                IndicatorValues values = now.getOrDefault(key, IndicatorValues.empty());
                rows.add(new StatsRow(key, key, values, prev, change(values, prev)));
                prev = values;
            }
        } else {
            now.forEach((key, values) -> {
                IndicatorValues prev = before.getOrDefault(key, IndicatorValues.empty());
                rows.add(new StatsRow(key, names.apply(key), values, prev, change(values, prev)));
            });
        }
        return new Report(q, start.minusDays(days), start.minusDays(1), indicators.definitions(), rows);
    }

    /**
     * The indicators of each group in the period only, without the previous period or the 90th
     * percentile: what the dashboard's charts and rankings show.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Report current(StatsQuery q) {
        Map<String, IndicatorValues> now = compute(q, q.from(), q.to(), false);
        java.util.function.UnaryOperator<String> names = namesOf(q.groupBy());
        List<StatsRow> rows = now.entrySet().stream().map(e -> new StatsRow(e.getKey(), names.apply(e.getKey()),
                e.getValue(), IndicatorValues.empty(), Map.<String, Double>of())).toList();
        return new Report(q, null, null, indicators.definitions(), rows);
    }

    /**
     * {@link #current} for several groupings of one query at once (the dashboard's categories, townships and monthly
     * trend): from the rollups in one statement where they share a cube.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Map<String, Report> currentEach(StatsQuery q, List<String> groupings) {
        Map<String, Report> reports = new LinkedHashMap<>();
        if (!readRollups) {
            groupings.forEach(g -> reports.put(g, current(new StatsQuery(q.region(), q.organisation(), q.category(), q.from(),
                    q.to(), g))));
            return reports;
        }
        daily.computeEach(q, groupings, q.from(), q.to()).forEach((g, now) -> {
            java.util.function.UnaryOperator<String> names = namesOf(g);
            List<StatsRow> rows = now.entrySet().stream().map(e -> new StatsRow(e.getKey(), names.apply(e.getKey()),
                    e.getValue(), IndicatorValues.empty(), Map.<String, Double>of())).toList();
            reports.put(g, new Report(new StatsQuery(q.region(), q.organisation(), q.category(), q.from(), q.to(), g), null,
                    null, indicators.definitions(), rows));
        });
        return reports;
    }

    private Map<String, IndicatorValues> compute(StatsQuery q, LocalDate from, LocalDate to, boolean percentile) {
        return readRollups ? daily.compute(q, from, to, percentile)
                : indicators.compute(q, startOf(from), startOf(to.plusDays(1)), percentile);
    }

    /** Average and P90 hours per stage for tasks finished in the query's period. */
    @Transactional(readOnly = true)
    List<StageDurations.StageTime> stages(StatsQuery q) {
        return stageDurations.compute(q, startOf(q.from()), startOf(q.to().plusDays(1)));
    }

    /** The first instant of a day, as the county counts days. */
    java.time.OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The region a user's statistics cover: all for admins, their own for leaders; nobody else sees any. */
    static String scopeOf(CurrentUser user) {
        if (user.is(Role.ADMIN)) {
            return "";
        }
        if (user.is(Role.LEADER) && user.scopeRegion() != null) {
            return user.scopeRegion();
        }
        throw ApiException.forbidden("stats.forbidden");
    }

    private static Map<String, Double> change(IndicatorValues now, IndicatorValues before) {
        Map<String, Double> change = new LinkedHashMap<>();
        Map<String, Object> a = now.asMap();
        Map<String, Object> b = before.asMap();
        a.forEach((k, v) -> {
            if (v instanceof Number n && b.get(k) instanceof Number m) {
                change.put(k, Math.round((n.doubleValue() - m.doubleValue()) * 10000) / 10000.0);
            }
        });
        return change;
    }

    /** The names of a grouping's keys, read once per report (regions, categories or organisations). */
    private java.util.function.UnaryOperator<String> namesOf(String groupBy) {
        Map<String, String> names = switch (groupBy) {
            case "township", "village" -> regions.all().stream()
                    .collect(java.util.stream.Collectors.toMap(Region::code, Region::name, (a, b) -> a));
            case "category" -> categories.everything().stream()
                    .collect(java.util.stream.Collectors.toMap(Category::code, Category::nameZh, (a, b) -> a));
            case "organisation" -> organisations.all().stream()
                    .collect(java.util.stream.Collectors.toMap(Organisation::code, Organisation::name, (a, b) -> a));
            default -> Map.of();
        };
        return key -> groupBy.equals("none") ? "全部" : names.getOrDefault(key, key);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
