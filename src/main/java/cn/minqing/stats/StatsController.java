package cn.minqing.stats;

import cn.minqing.people.Principal;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicator library over HTTP: JSON, CSV or XLSX (leaders and admins, in their region). Each is
 * also served outside {@code /api} so that the signed-in pages can download it with their session.
 */
@RestController
class StatsController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StatsService stats;
    private final Indicators indicators;
    private final StatsExport export;
    private final MonthlyReports monthlyReports;

    private final MonthlyFindings findings;
    private final IndicatorsAgreement agreement;

    StatsController(StatsService stats, Indicators indicators, StatsExport export, MonthlyReports monthlyReports,
                    MonthlyFindings findings, IndicatorsAgreement agreement) {
        this.findings = findings;
        this.agreement = agreement;
        this.monthlyReports = monthlyReports;
        this.stats = stats;
        this.indicators = indicators;
        this.export = export;
    }

    @GetMapping({"/api/stats/indicators", "/stats/indicators"})
    ResponseEntity<?> indicators(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                                 @RequestParam(required = false) String organisation,
                                 @RequestParam(required = false) String category,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) String groupBy,
                                 @RequestParam(defaultValue = "json") String format) throws IOException {
        checkFormat(format);
        StatsService.Report report = stats.report(region, organisation, category, from, to, groupBy, me.user());
        return answer(format, report, "indicators", "指标 Indicators", () -> StatsExport.indicators(report));
    }

    /** 环节耗时: average and P90 hours per stage, for tasks finished in the period (JSON, CSV or XLSX). */
    @GetMapping({"/api/stats/stages", "/stats/stages"})
    ResponseEntity<?> stages(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                             @RequestParam(required = false) String organisation,
                             @RequestParam(required = false) String category,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "json") String format) throws IOException {
        checkFormat(format);
        List<StageDurations.StageTime> stages = stats.stages(stats.query(region, organisation, category, from, to, null, me.user()));
        return answer(format, stages, "stages", "环节耗时 Stages", () -> StatsExport.stages(stages));
    }

    /** The longest-open cases (长期未办结) of a region and category, oldest first (JSON, CSV or XLSX). */
    @GetMapping({"/api/stats/oldest-open", "/stats/oldest-open"})
    ResponseEntity<?> oldestOpen(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                                 @RequestParam(required = false) String category,
                                 @RequestParam(defaultValue = "50") int limit,
                                 @RequestParam(defaultValue = "json") String format) throws IOException {
        checkFormat(format);
        if (limit < 1 || limit > 1000) {
            throw new cn.minqing.platform.web.InvalidInputException("limit", "stats.limit.invalid");
        }
        StatsQuery q = stats.query(region, null, category, null, null, null, me.user());
        List<MonthlyFindings.OldCase> cases = findings.oldestOpen(q.region(), q.category(), limit);
        return answer(format, cases, "oldest-open", "长期未办结 Oldest open", () -> StatsExport.oldest(cases));
    }

    /** Admins: do PostgreSQL and the search index agree on every indicator, per township? */
    @GetMapping("/api/admin/stats/agreement")
    IndicatorsAgreement.Result agreement(@RequestParam(defaultValue = "") String region,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        if (from.isAfter(to)) {
            throw new cn.minqing.platform.web.InvalidInputException("from", "stats.period.invalid");
        }
        return agreement.check(region, from, to);
    }

    /** 月度分析报告 as PDF, e.g. ?month=2026-10 (leaders in their region, admins). */
    @GetMapping({"/api/reports/monthly", "/reports/monthly"})
    ResponseEntity<byte[]> monthly(@AuthenticationPrincipal Principal me, @RequestParam String month,
                                   @RequestParam(required = false) String region) {
        java.time.YearMonth m;
        try {
            m = java.time.YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new cn.minqing.platform.web.InvalidInputException("month", "stats.month.invalid");
        }
        if (m.getYear() < 2000 || m.getYear() > 2100) {
            throw new cn.minqing.platform.web.InvalidInputException("month", "stats.month.range");
        }
        return file(monthlyReports.get(m, region, me.user()), "application/pdf", "monthly-report-" + m + ".pdf");
    }

    /** What each indicator means, as shown beside every number. */
    @GetMapping("/api/stats/indicator-definitions")
    List<IndicatorDefinition> definitions() {
        return indicators.allDefinitions();
    }

    /** The body as JSON, or its table as a CSV or XLSX download named after it. */
    private ResponseEntity<?> answer(String format, Object body, String name, String sheet,
                                     java.util.function.Supplier<List<List<String>>> table) throws IOException {
        return switch (format) {
            case "csv" -> file(export.csv(table.get()), "text/csv;charset=UTF-8", name + ".csv");
            case "xlsx" -> file(export.xlsx(sheet, table.get()), XLSX, name + ".xlsx");
            default -> ResponseEntity.ok(body);
        };
    }

    private static void checkFormat(String format) {
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw new cn.minqing.platform.web.InvalidInputException("format", "stats.format.invalid");
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
