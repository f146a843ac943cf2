package cn.minqing.stats;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.search.HotTopics;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Everything on the leader's dashboard for one filter: indicators and their change, the trend, cases
 * per category, the rankings of townships and organisations, open problems per village, time per
 * stage, hot topics and the oldest unresolved cases.
 */
@Service
class Dashboard {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    /** One bucket of the trend, with the days it covers (for drilling down). */
    record TrendPoint(String key, LocalDate from, LocalDate to, IndicatorValues values) {
    }

    /** A village with its open problems and the cases received in the period. */
    record VillagePoint(String code, String name, Double lat, Double lon, long open, long received) {
    }

    /**
     * A place in the ranking: the mean of the response, on-time, resolution and satisfaction rates. A group with
     * fewer than {@link #MIN_CASES} cases is listed after the ranked ones, without a rank: a bureau is not ranked
     * last on a single case.
     */
    record Ranked(Integer rank, StatsRow row, Double score, long cases, boolean ranked, Double coHandlingOnTimeRate,
                  long coHandlingTasks) {

        Ranked(Integer rank, StatsRow row, Double score, long cases, boolean ranked) {
            this(rank, row, score, cases, ranked, null, 0);
        }
    }

    /** Fewer cases than this and a group is shown but not ranked (件数少于5，不参与排名). */
    static final int MIN_CASES = 5;

    /** At most this many villages in the bar chart, those with the most open problems. */
    static final int MAX_VILLAGES = 20;

    record View(StatsQuery query, StatsService.Report total, StatsService.Report byCategory, List<Ranked> townships,
                List<Ranked> organisations, String trendUnit, List<TrendPoint> trend, List<VillagePoint> villages,
                List<StageDurations.StageTime> stages, HotTopics.Result hotTopics,
                List<MonthlyFindings.OldCase> oldest) {
    }

    private final StatsService stats;
    private final Regions regions;
    private final HotTopics hotTopics;
    private final MonthlyFindings findings;
    private final CoHandlingFigures coHandling;

    private final ExecutorService readers;

    Dashboard(StatsService stats, Regions regions, HotTopics hotTopics, MonthlyFindings findings,
              CoHandlingFigures coHandling, @Value("${minqing.stats.dashboard-threads:3}") int threads) {
        this.coHandling = coHandling;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        // a bounded queue: when many leaders open the page at once, their own threads do the reading
        this.readers = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 0, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(4 * threads), r -> {
                    Thread t = new Thread(r, "dashboard-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
        this.stats = stats;
        this.regions = regions;
        this.hotTopics = hotTopics;
        this.findings = findings;
    }

    View of(String region, String category, LocalDate from, LocalDate to, CurrentUser user) {
        StatsQuery q = stats.query(region, null, category, from, to, "none", user);
        long days = ChronoUnit.DAYS.between(q.from(), q.to()) + 1;
        String unit = days <= 31 ? "day" : days <= 190 ? "week" : "month";
        // independent reads, run side by side; only the cards need the previous period and the P90
        var total = async(() -> stats.report(q));
        // categories, townships and a trend by month read the same rollup cube: one statement for the three
        List<String> together = unit.equals("month") ? List.of("category", "township", "month") : List.of("category", "township");
        var shared = async(() -> stats.currentEach(q, together));
        var byCategory = shared.thenApply(each -> each.get("category"));
        var townships = shared.thenApply(each -> ranked(each.get("township")));
        // 协办: an organisation's co-handle tasks reported in time count in its score beside its own cases
        var organisations = async(() -> ranked(stats.current(by(q, "organisation")), coHandling.byOrganisation(q,
                stats.startOf(q.from()), stats.startOf(q.to().plusDays(1)), cn.minqing.cases.CaseClock.now())));
        var trend = unit.equals("month") ? shared.thenApply(each -> trend(q, unit, each.get("month")))
                : async(() -> trend(q, unit, stats.current(by(q, unit))));
        var villages = async(() -> villages(stats.current(by(q, "village"))));
        var stages = async(() -> stats.stages(q));
        // hot topics come from the search index: the page does not wait long for them
        var hot = async(() -> hot(q, user)).completeOnTimeout(null, 5, java.util.concurrent.TimeUnit.SECONDS);
        var oldest = async(() -> findings.oldestOpen(q.region(), q.category(), 10));
        try {
            return new View(q, total.join(), byCategory.join(), townships.join(), organisations.join(), unit, trend.join(),
                    villages.join(), stages.join(), hot.join(), oldest.join());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, readers);
    }

    @PreDestroy
    void stop() {
        readers.shutdown();
    }

    private static StatsQuery by(StatsQuery q, String groupBy) {
        return new StatsQuery(q.region(), q.organisation(), q.category(), q.from(), q.to(), groupBy);
    }

    static List<Ranked> ranked(StatsService.Report report) {
        return ranked(report, Map.of());
    }

    /** Ranked by score; an organisation's joint handling (协办) on-time rate, when it has one, is part of its score. */
    static List<Ranked> ranked(StatsService.Report report, Map<String, CoHandlingFigures.Figure> co) {
        CoHandlingFigures.Figure none = new CoHandlingFigures.Figure(0, 0);
        java.util.function.Function<StatsRow, Double> score = r -> score(r, co.getOrDefault(r.key(), none).onTimeRate());
        Comparator<StatsRow> byScore = Comparator.comparing(score, Comparator.nullsLast(Comparator.reverseOrder()));
        List<StatsRow> rows = report.rows().stream().filter(r -> !r.key().equals("-")).toList();
        List<Ranked> ranked = new ArrayList<>();
        rows.stream().filter(r -> r.current().receivedCount() >= MIN_CASES).sorted(byScore)
                .forEach(r -> ranked.add(rank(ranked.size() + 1, r, score.apply(r), co.getOrDefault(r.key(), none), true)));
        rows.stream().filter(r -> r.current().receivedCount() < MIN_CASES)
                .sorted(Comparator.comparingLong((StatsRow r) -> r.current().receivedCount()).reversed().thenComparing(byScore))
                .forEach(r -> ranked.add(rank(null, r, score.apply(r), co.getOrDefault(r.key(), none), false)));
        return ranked;
    }

    private static Ranked rank(Integer place, StatsRow r, Double score, CoHandlingFigures.Figure co, boolean ranked) {
        return new Ranked(place, r, score, r.current().receivedCount(), ranked, co.onTimeRate(), co.decided());
    }

    private static Double score(StatsRow row, Double coHandlingOnTime) {
        IndicatorValues v = row.current();
        return Stream.of(v.responseRate(), v.onTimeRate(), v.resolutionRate(), v.satisfactionRate(), coHandlingOnTime)
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().stream()
                .map(x -> Math.round(x * 10000) / 10000.0).boxed().findFirst().orElse(null);
    }

    /** Every bucket of the period, empty ones included, with the days it covers inside the period. */
    private List<TrendPoint> trend(StatsQuery q, String unit, StatsService.Report report) {
        Map<String, IndicatorValues> values = new java.util.HashMap<>();
        report.rows().forEach(r -> values.put(r.key(), r.current()));
        return Buckets.starts(q.from(), q.to(), unit).stream().map(start -> {
            String key = Buckets.key(start, unit);
            LocalDate end = Buckets.next(start, unit).minusDays(1);
            return new TrendPoint(key, start.isBefore(q.from()) ? q.from() : start, end.isAfter(q.to()) ? q.to() : end,
                    values.getOrDefault(key, IndicatorValues.empty()));
        }).toList();
    }

    /** The villages with the most open problems first (then the most received), for a sorted bar chart. */
    private List<VillagePoint> villages(StatsService.Report report) {
        List<VillagePoint> points = new ArrayList<>();
        Map<String, Region> villages = new java.util.HashMap<>();
        regions.atLevel("village").forEach(v -> villages.put(v.code(), v));
        for (StatsRow r : report.rows()) {
            java.util.Optional.ofNullable(villages.get(r.key())).ifPresent(v -> points.add(
                    new VillagePoint(v.code(), v.name(), v.lat(), v.lon(), r.current().openCount(), r.current().receivedCount())));
        }
        return points.stream().filter(p -> p.open() > 0 || p.received() > 0)
                .sorted(Comparator.comparingLong(VillagePoint::open).thenComparingLong(VillagePoint::received).reversed()
                        .thenComparing(VillagePoint::name))
                .limit(MAX_VILLAGES).toList();
    }

    /** Rising words and categories from the search index; the dashboard stands without them. */
    private HotTopics.Result hot(StatsQuery q, CurrentUser user) {
        try {
            return hotTopics.of(q.region(), q.category(), stats.startOf(q.from()), stats.startOf(q.to().plusDays(1)), user);
        } catch (Exception e) {
            log.warn("Hot topics unavailable: {}", e.toString());
            return null;
        }
    }

    /** The regions a leader may filter by: their own and every township and village under it. */
    List<Region> regionsWithin(String scope) {
        return regions.allWithin(scope).stream().filter(r -> !r.level().equals("grid"))
                .sorted(Comparator.comparing(Region::code)).toList();
    }
}
