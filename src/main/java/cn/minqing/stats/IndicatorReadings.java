package cn.minqing.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One indicator of the library for a region, a category and a period, computed as GET /api/stats/indicators
 * computes it for the same filter (groupBy none): for other features that measure against the library, such
 * as a work plan's effect. No person's scope applies; the caller applies its own.
 */
@Service
public class IndicatorReadings {

    private final Indicators indicators;
    private final ZoneId zone;

    IndicatorReadings(Indicators indicators, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.indicators = indicators;
        this.zone = ZoneId.of(zone);
    }

    /** The value for cases created from {@code from} to {@code to} (whole days); null when there is nothing to divide by. */
    @Transactional(readOnly = true)
    public Double value(String code, String region, String category, LocalDate from, LocalDate to) {
        StatsQuery q = new StatsQuery(region, null, category, from, to, "none");
        IndicatorValues values = indicators.compute(q, from.atStartOfDay(zone).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), code.equals("p90ResolutionHours"))
                .getOrDefault("all", IndicatorValues.empty());
        Object value = values.asMap().get(code);
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
