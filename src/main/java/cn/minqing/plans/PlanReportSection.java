package cn.minqing.plans;

import cn.minqing.cases.CaseClock;
import cn.minqing.stats.MonthlySections;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The monthly report's work-plan sections: plans started, milestones met and missed, each plan's effect on its
 * indicator against its target, the plans' indicators of the library; then the month's rising categories that no
 * open plan of the region answers yet (建议列入工作方案) — the loop from the report back to the plan.
 */
@Component
class PlanReportSection implements MonthlySections {

    static final int MAX_LINES = 12;

    private final PlanIndicators indicators;
    private final BranchFigures branches;
    private final ZoneId zone;

    PlanReportSection(PlanIndicators indicators, BranchFigures branches,
                      @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.indicators = indicators;
        this.branches = branches;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public List<Section> of(String region, YearMonth month, List<Rise> rises) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        LocalDate today = CaseClock.now().atZoneSameInstant(zone).toLocalDate();
        List<String> lines = new ArrayList<>();
        List<PlanRow> started = indicators.started(region, from, to);
        lines.add("本月新制定工作方案 %d 个%s".formatted(started.size(), started.isEmpty() ? "。"
                : "：" + String.join("、", started.stream().map(p -> "《" + p.title() + "》").limit(MAX_LINES).toList()) + "。"));
        List<PlanIndicators.DueMilestone> due = indicators.due(region, from, to, today);
        long met = due.stream().filter(PlanIndicators.DueMilestone::metOnTime).count();
        lines.add("里程碑：本月到期 %d 个，按时完成 %d 个，超期 %d 个；里程碑按时完成率 %s。".formatted(due.size(), met,
                due.size() - met, percent(PlanIndicators.share(met, due.size()))));
        due.stream().filter(d -> !d.metOnTime()).limit(MAX_LINES).forEach(d -> lines.add("超期：《%s》的“%s”（%s 到期）%s。"
                .formatted(d.plan().title(), d.milestone().title(), d.milestone().due(),
                        "done".equals(d.milestone().status()) ? "，已补完成" : "，尚未完成")));
        List<PlanIndicators.Effect> effects = indicators.effects(region);
        effects.stream() // the newest plans first: past twelve, the oldest are left out of the text
                .sorted(java.util.Comparator.comparing((PlanIndicators.Effect e) -> e.plan().startedAt()).reversed())
                .limit(MAX_LINES).forEach(e -> lines.add("《%s》成效：%s 实施前 %s，实施以来 %s，目标 %s，%s。".formatted(
                e.plan().title(), e.indicatorName(), value(e.before(), e.unit()), value(e.since(), e.unit()),
                value(e.plan().target(), e.unit()), e.since() == null ? "尚无可计算的数据" : e.atTarget() ? "已达到目标" : "尚未达到目标")));
        long atTarget = effects.stream().filter(PlanIndicators.Effect::atTarget).count();
        long measured = effects.stream().filter(e -> e.since() != null).count();
        lines.add("方案目标达成率 %s（%d 个可计算的方案中 %d 个已达到目标）。".formatted(
                percent(PlanIndicators.share(atTarget, measured)), measured, atTarget));
        branchLine(region, from, to).ifPresent(lines::add);

        List<String> suggestions = new ArrayList<>();
        List<PlanRow> open = indicators.of(region).stream().filter(p -> p.status() != PlanStatus.CLOSED).toList();
        for (Rise r : rises) {
            if (open.stream().noneMatch(p -> p.categories().contains(r.category()))) {
                suggestions.add("%s类诉求本月 %d 件（上月 %d 件）%s，尚无工作方案。".formatted(r.name(), r.count(), r.previous(),
                        r.topTownship() == null ? "" : "，最多在" + r.topTownship()));
            }
        }
        if (suggestions.isEmpty()) {
            suggestions.add("本月上升的诉求类别都已有工作方案。");
        }
        return List.of(new Section("工作方案", lines), new Section("建议列入工作方案", suggestions.stream().limit(MAX_LINES).toList()));
    }

    /**
     * 党支部: the branches of the report's region that own plans or whose party members have milestones due in the
     * month — how many plans they own, those milestones met and met on time, the busiest branches named.
     */
    private java.util.Optional<String> branchLine(String region, LocalDate from, LocalDate to) {
        List<BranchFigures.Figure> active = branches.within(region, from, to).stream()
                .filter(b -> b.plansOwned() > 0 || b.milestones() > 0).toList();
        if (active.isEmpty()) {
            return java.util.Optional.empty();
        }
        long owned = active.stream().mapToLong(BranchFigures.Figure::plansOwned).sum();
        long due = active.stream().mapToLong(BranchFigures.Figure::milestones).sum();
        long met = active.stream().mapToLong(BranchFigures.Figure::milestonesMet).sum();
        long onTime = active.stream().mapToLong(BranchFigures.Figure::milestonesOnTime).sum();
        String named = String.join("、", active.stream()
                .sorted(java.util.Comparator.comparingLong((BranchFigures.Figure b) -> b.plansOwned() + b.milestones()).reversed())
                .limit(5).map(b -> "%s（牵头方案 %d 个，党员里程碑 %d 个）".formatted(b.name(), b.plansOwned(), b.milestones()))
                .toList());
        return java.util.Optional.of("党支部：%d 个党支部牵头工作方案 %d 个；党员承担本月到期的里程碑 %d 个，已完成 %d 个，按时完成 %d 个。其中：%s。"
                .formatted(active.size(), owned, due, met, onTime, named));
    }

    private static String percent(Double share) {
        return share == null ? "—" : "%.1f%%".formatted(share * 100);
    }

    private static String value(Object v, String unit) {
        if (v == null) {
            return "—";
        }
        double d = v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
        return "%".equals(unit) ? "%.1f%%".formatted(d * 100) : "%.1f %s".formatted(d, unit);
    }
}
