package cn.minqing.stats;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Whether the search index tells the same story as PostgreSQL: every indicator but the P90, per
 * township, from both. Operators run it after an outage or a restore; a difference means cases are
 * missing from the index or stale there (rebuild with POST /api/admin/search/rebuild).
 */
@Service
class IndicatorsAgreement {

    /** One township whose figures differ: indicator → [PostgreSQL, Elasticsearch]. */
    record Difference(String township, Map<String, List<Object>> indicators) {
    }

    record Result(LocalDate from, LocalDate to, int townships, boolean agree, List<Difference> differences) {
    }

    private final Indicators indicators;
    private final IndexedIndicators indexed;
    private final ZoneId zone;
    private final String countyCode;

    IndicatorsAgreement(Indicators indicators, IndexedIndicators indexed, @Value("${minqing.time-zone:Asia/Shanghai}") String zone,
                        @Value("${minqing.county-code}") String countyCode) {
        this.countyCode = countyCode;
        this.indicators = indicators;
        this.indexed = indexed;
        this.zone = ZoneId.of(zone);
    }

    Result check(String regionOrBlank, LocalDate from, LocalDate to) throws IOException {
        String region = regionOrBlank == null || regionOrBlank.isBlank() ? countyCode : regionOrBlank;
        var start = from.atStartOfDay(zone).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<String, IndicatorValues> sql = indicators.compute(new StatsQuery(region, null, null, from, to, "township"), start, end);
        Map<String, IndicatorValues> es = indexed.byTownship(region, start, end);
        TreeSet<String> townships = new TreeSet<>(sql.keySet());
        townships.addAll(es.keySet());
        List<Difference> differences = townships.stream().map(t -> difference(t,
                sql.getOrDefault(t, IndicatorValues.empty()), es.getOrDefault(t, IndicatorValues.empty())))
                .filter(d -> !d.indicators().isEmpty()).toList();
        return new Result(from, to, townships.size(), differences.isEmpty(), differences);
    }

    static Difference difference(String township, IndicatorValues sql, IndicatorValues es) {
        Map<String, List<Object>> differ = new LinkedHashMap<>();
        Map<String, Object> a = sql.asMap();
        Map<String, Object> b = es.asMap();
        a.forEach((code, value) -> {
            if (!code.equals("p90ResolutionHours") && !Objects.equals(value, b.get(code))) {
                differ.put(code, java.util.Arrays.asList(value, b.get(code)));
            }
        });
        return new Difference(township, differ);
    }
}
