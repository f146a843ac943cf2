package cn.minqing.plans;

import cn.minqing.county.Regions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plans' own indicators of the library (V391, applies_to 'plans') for a region and a period: plans started,
 * milestones met by their due day, plans at their target. A region's plans are those of the region, below it,
 * or above it and reaching it (a county plan counts in each township).
 */
@Component
class PlanIndicators {

    /** A milestone due in the period, and whether it was met by its due day. */
    record DueMilestone(PlanRow plan, Plans.Milestone milestone, boolean metOnTime) {
    }

    /** A plan's effect: its indicator before and since, and whether since meets the target. */
    record Effect(PlanRow plan, String indicatorName, String unit, Double before, Double since, boolean atTarget) {
    }

    private final Plans plans;
    private final Regions regions;
    private final PlanEffect effect;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    PlanIndicators(Plans plans, Regions regions, PlanEffect effect, JdbcClient jdbc,
                   @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.plans = plans;
        this.regions = regions;
        this.effect = effect;
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    List<PlanRow> of(String region) {
        List<String> path = regions.pathOf(region);
        return plans.all().stream().filter(p -> path.contains(p.region()) || regions.pathOf(p.region()).contains(region)).toList();
    }

    List<PlanRow> started(String region, LocalDate from, LocalDate to) {
        return of(region).stream().filter(p -> {
            LocalDate d = p.createdAt().atZoneSameInstant(zone).toLocalDate();
            return !d.isBefore(from) && !d.isAfter(to);
        }).toList();
    }

    /** Milestones due from {@code from} to {@code to} that are met, or whose due day is over. */
    List<DueMilestone> due(String region, LocalDate from, LocalDate to, LocalDate today) {
        return of(region).stream().flatMap(p -> plans.milestones(p.id()).stream()
                .filter(m -> !m.due().isBefore(from) && !m.due().isAfter(to))
                .filter(m -> "done".equals(m.status()) || m.due().isBefore(today))
                .map(m -> new DueMilestone(p, m, m.doneAt() != null
                        && !m.doneAt().atZoneSameInstant(zone).toLocalDate().isAfter(m.due())))).toList();
    }

    /** The effect of every plan under way or done (started) in the region, measured as the plan's page shows it. */
    List<Effect> effects(String region) {
        return of(region).stream().filter(p -> p.startedAt() != null).map(p -> {
            PlanEffect.Measured m = effect.measure(p);
            var d = jdbc.sql("select name_zh, unit, higher_is_better from minqing.indicator where code = ?").param(p.indicator())
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)}).single();
            boolean higher = (Boolean) d[2];
            boolean at = m.since() != null && (higher ? BigDecimal.valueOf(m.since()).compareTo(p.target()) >= 0
                    : BigDecimal.valueOf(m.since()).compareTo(p.target()) <= 0);
            return new Effect(p, (String) d[0], (String) d[1], m.before(), m.since(), at);
        }).toList();
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : part / (double) whole;
    }
}
