package cn.minqing.plans;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.stats.IndicatorReadings;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The plan's indicator against comparable regions: the other regions of the same level (the other townships of a
 * township plan) that no open plan on the same category covers, over the same days before and since, so a change
 * the whole county saw is not taken for the plan's effect.
 */
@Component
class PlanComparison {

    static final int MAX_REGIONS = 12;

    /** One region's numbers before and since, and their average over all comparable regions (name null). */
    record Compared(String region, String name, Double before, Double since) {
    }

    private final Plans plans;
    private final Regions regions;
    private final IndicatorReadings readings;

    PlanComparison(Plans plans, Regions regions, IndicatorReadings readings) {
        this.plans = plans;
        this.regions = regions;
        this.readings = readings;
    }

    List<Compared> of(PlanRow plan, PlanEffect.Measured measured) {
        if (plan.categories().size() > 1) {
            return List.of();
        }
        String category = plan.categories().isEmpty() ? null : plan.categories().get(0);
        Region own = regions.find(plan.region()).orElse(null);
        if (own == null) {
            return List.of();
        }
        List<PlanRow> others = plans.open().stream().filter(p -> p.categories().isEmpty() || p.categories().contains(category)).toList();
        return regions.atLevel(own.level()).stream()
                .filter(r -> !r.code().equals(own.code()))
                .filter(r -> others.stream().noneMatch(p -> covered(p.region(), r.code())))
                .limit(MAX_REGIONS)
                .map(r -> new Compared(r.code(), r.name(),
                        readings.value(plan.indicator(), r.code(), category, measured.beforeFrom(), measured.beforeTo()),
                        readings.value(plan.indicator(), r.code(), category, measured.sinceFrom(), measured.sinceTo())))
                .toList();
    }

    /** Whether a plan of {@code planRegion} reaches {@code region} or a part of it. */
    private boolean covered(String planRegion, String region) {
        return regions.pathOf(region).contains(planRegion) || regions.pathOf(planRegion).contains(region);
    }
}
