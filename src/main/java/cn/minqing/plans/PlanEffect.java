package cn.minqing.plans;

import cn.minqing.cases.CaseClock;
import cn.minqing.stats.IndicatorReadings;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plan's indicator since it started (its first day to today) and before (as many days just before), read
 * from the indicator library with the plan's region and category: the numbers /api/stats/indicators gives for
 * the same filter and days. A plan over several categories is not measured yet (the library reads one category).
 */
@Component
class PlanEffect {

    record Measured(Double before, Double since, LocalDate beforeFrom, LocalDate beforeTo, LocalDate sinceFrom,
                    LocalDate sinceTo) {
    }

    private final IndicatorReadings readings;
    private final ZoneId zone;

    PlanEffect(IndicatorReadings readings, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.readings = readings;
        this.zone = ZoneId.of(zone);
    }

    Measured measure(PlanRow plan) {
        LocalDate start = (plan.startedAt() != null ? plan.startedAt() : plan.createdAt()).atZoneSameInstant(zone).toLocalDate();
        LocalDate today = CaseClock.now().atZoneSameInstant(zone).toLocalDate();
        LocalDate end = today.isBefore(start) ? start : today;
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        LocalDate beforeFrom = start.minusDays(days);
        LocalDate beforeTo = start.minusDays(1);
        if (plan.categories().size() > 1) {
            return new Measured(null, null, beforeFrom, beforeTo, start, end);
        }
        String category = plan.categories().isEmpty() ? null : plan.categories().get(0);
        return new Measured(readings.value(plan.indicator(), plan.region(), category, beforeFrom, beforeTo),
                readings.value(plan.indicator(), plan.region(), category, start, end), beforeFrom, beforeTo, start, end);
    }
}
