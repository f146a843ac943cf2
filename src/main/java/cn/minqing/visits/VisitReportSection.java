package cn.minqing.visits;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.stats.MonthlySections;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The monthly report's 民情走访 section: the visit indicators of the library for the month against last month, the
 * groups one level down with the least coverage, and the party members whose households were least visited; then
 * the same figures per party branch (党支部), the least covered first.
 */
@Component
class VisitReportSection implements MonthlySections {

    static final int MAX_LINES = 8;

    private final VisitFigures figures;
    private final Regions regions;
    private final ZoneId zone;

    VisitReportSection(VisitFigures figures, Regions regions, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.figures = figures;
        this.regions = regions;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public List<Section> of(String region, YearMonth month, List<Rise> rises) {
        List<String> villages = regions.allWithin(region).stream().filter(r -> r.level().equals("village"))
                .map(Region::code).toList();
        List<String> lines = new ArrayList<>();
        if (villages.isEmpty()) {
            lines.add("本地区没有村，没有走访数据。");
            return List.of(new Section("民情走访", lines));
        }
        OffsetDateTime start = start(month);
        OffsetDateTime end = start(month.plusMonths(1));
        List<VisitFigures.Row> byVillage = figures.compute(villages, VisitFigures.Grouping.VILLAGE, start, end);
        VisitTotals now = VisitTotals.of(byVillage);
        VisitTotals before = VisitTotals.of(figures.compute(villages, VisitFigures.Grouping.VILLAGE, start(month.minusMonths(1)), start));
        lines.add("在册农户 %d 户，本月走访 %d 次，覆盖 %d 户；走访覆盖率 %s（上月 %s）。".formatted(now.households(), now.visits(),
                now.covered(), VisitTotals.percent(now.coverage()), VisitTotals.percent(before.coverage())));
        lines.add("按时走访率 %s（上月 %s）：%d 次走访中 %d 次在该户规定间隔内。".formatted(VisitTotals.percent(now.onScheduleRate()),
                VisitTotals.percent(before.onScheduleRate()), now.visits(), now.onSchedule()));
        lines.add("走访发现诉求 %d 件，村民自己反映 %d 件；走访发现诉求占比 %s（上月 %s）。".formatted(now.needsFromVisits(),
                now.casesFromVillagers(), VisitTotals.percent(now.needShare()), VisitTotals.percent(before.needShare())));
        lines.add("走访诉求解决率 %s（%d 件中已解决 %d 件；上月 %s）。".formatted(VisitTotals.percent(now.solvedRate()),
                now.needsFromVisits(), now.visitCasesSolved(), VisitTotals.percent(before.solvedRate())));
        boolean county = regions.find(region).map(r -> r.level().equals("county")).orElse(true);
        List<VisitFigures.Row> groups = county ? figures.compute(villages, VisitFigures.Grouping.TOWNSHIP, start, end) : byVillage;
        groups.stream().filter(r -> r.coverage() != null).sorted(Comparator.comparing(VisitFigures.Row::coverage)).limit(3)
                .forEach(r -> lines.add("覆盖率较低：%s %s（%d 户中走访 %d 户）。".formatted(r.name(),
                        VisitTotals.percentOf(r.coverage()), r.households(), r.householdsCovered())));
        figures.compute(villages, VisitFigures.Grouping.PARTY_MEMBER, start, end).stream()
                .filter(r -> r.households() > 0 && r.householdsCovered() < r.households())
                .sorted(Comparator.comparing(VisitFigures.Row::coverage)).limit(MAX_LINES - 3)
                .forEach(r -> lines.add("联户党员%s：联系 %d 户，本月走访 %d 户。".formatted(r.name(), r.households(),
                        r.householdsCovered())));
        return List.of(new Section("民情走访", lines), byBranch(villages, start, end));
    }

    /** 按党支部: the branches whose party members serve households here, the least covered first. */
    private Section byBranch(List<String> villages, OffsetDateTime start, OffsetDateTime end) {
        List<VisitFigures.Row> rows = figures.compute(villages, VisitFigures.Grouping.BRANCH, start, end);
        List<String> lines = new ArrayList<>();
        if (rows.isEmpty()) {
            lines.add("本地区没有党员联系的农户。");
            return new Section("民情走访（按党支部）", lines);
        }
        VisitTotals all = VisitTotals.of(rows);
        lines.add("%d 个党支部的党员联系农户 %d 户，本月走访覆盖 %d 户，覆盖率 %s，按时走访率 %s。".formatted(rows.size(),
                all.households(), all.covered(), VisitTotals.percent(all.coverage()), VisitTotals.percent(all.onScheduleRate())));
        rows.stream().sorted(Comparator.comparing(VisitFigures.Row::coverage, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(VisitFigures.Row::code)).limit(MAX_LINES - 1)
                .forEach(r -> lines.add("%s：联系 %d 户，走访 %d 户（%s），按时走访率 %s，走访发现诉求 %d 件，已解决 %d 件。".formatted(
                        r.name(), r.households(), r.householdsCovered(), VisitTotals.percentOf(r.coverage()),
                        VisitTotals.percentOf(r.onSchedule()), r.needsFromVisits(), r.visitCasesSolved())));
        return new Section("民情走访（按党支部）", lines);
    }

    private OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
