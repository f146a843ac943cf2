package cn.minqing.stats;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.ApiException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * 月度分析报告: made on the first day of each month for the county (a finished month is kept and
 * served as it was), and on demand for any region and month a leader may see.
 */
@Service
class MonthlyReports {

    private final MonthlyFindings findings;
    private final Indicators indicators;
    private final MonthlyReportPdf pdf;
    private final StageDurations stageDurations;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final List<MonthlySections> more;
    private final String countyCode;
    private final ZoneId zone;

    MonthlyReports(MonthlyFindings findings, Indicators indicators, MonthlyReportPdf pdf, StageDurations stageDurations,
                   Regions regions, JdbcClient jdbc, List<MonthlySections> more,
                   @Value("${minqing.county-code}") String countyCode, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.findings = findings;
        this.indicators = indicators;
        this.pdf = pdf;
        this.stageDurations = stageDurations;
        this.regions = regions;
        this.jdbc = jdbc;
        this.more = more;
        this.countyCode = countyCode;
        this.zone = ZoneId.of(zone);
    }

    byte[] get(YearMonth month, String region, CurrentUser user) {
        String scope = StatsService.scopeOf(user);
        String r = region == null || region.isBlank() ? (scope.isEmpty() ? countyCode : scope) : region;
        // an unknown code has no path within any scope: say it is unknown rather than forbidden
        if (regions.find(r).isEmpty()) {
            throw new cn.minqing.platform.web.InvalidInputException("region", "stats.region.unknown");
        }
        if (!regions.within(r, scope)) {
            throw ApiException.forbidden("stats.forbidden");
        }
        boolean finished = month.isBefore(YearMonth.now(zone));
        Optional<byte[]> kept = finished ? jdbc.sql("select pdf from minqing.monthly_report where region = ? and month = ?")
                .params(r, month.toString()).query(byte[].class).optional() : Optional.empty();
        return kept.orElseGet(() -> make(r, month, finished));
    }

    /** The first day of each month, 06:00: last month's report for the county. */
    @Scheduled(cron = "0 0 6 1 * *", zone = "Asia/Shanghai")
    void monthly() {
        make(countyCode, YearMonth.now(zone).minusMonths(1), true);
    }

    private byte[] make(String region, YearMonth month, boolean keep) {
        byte[] bytes = pdf.render(content(region, month));
        if (keep) {
            jdbc.sql("""
                    insert into minqing.monthly_report (region, month, pdf) values (?, ?, ?)
                    on conflict (region, month) do update set pdf = excluded.pdf, generated_at = now()
                    """).params(region, month.toString(), bytes).update();
        }
        return bytes;
    }

    /** What the month's report says: the indicators against last month, categories, stages and the findings. */
    MonthlyReportPdf.Content content(String region, YearMonth month) {
        StatsQuery q = new StatsQuery(region, null, null, month.atDay(1), month.atEndOfMonth(), "none");
        IndicatorValues now = only(indicators.compute(q, findings.start(month), findings.start(month.plusMonths(1))));
        IndicatorValues before = only(indicators.compute(q, findings.start(month.minusMonths(1)), findings.start(month)));
        var categories = findings.categories(region, month);
        var stages = stageDurations.compute(q, findings.start(month), findings.start(month.plusMonths(1)));
        return new MonthlyReportPdf.Content(regions.find(region).map(Region::name).orElse(region), month,
                indicators.definitions(), now, before, categories, stages, findings.slowest(region, month),
                findings.oldestOpen(region), findings.sentences(categories, now, before, stages), sections(region, month, categories));
    }

    /** The other features' sections (work plans), given the categories that rose this month. */
    private List<MonthlySections.Section> sections(String region, YearMonth month, List<MonthlyFindings.CategoryChange> categories) {
        List<MonthlySections.Rise> rises = categories.stream().filter(k -> k.count() > k.previous())
                .map(k -> new MonthlySections.Rise(k.category(), k.name(), k.count(), k.previous(), k.topTownship())).toList();
        return more.stream().flatMap(m -> m.of(region, month, rises).stream()).toList();
    }

    private static IndicatorValues only(java.util.Map<String, IndicatorValues> rows) {
        return rows.values().stream().findFirst().orElse(IndicatorValues.empty());
    }

}
