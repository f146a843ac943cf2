package cn.minqing.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Computes the indicator library from PostgreSQL (the source of truth), for the cases created in a
 * period, grouped by nothing, township, village, category or organisation, within a region.
 */
@Repository
class Indicators {

    static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("none", "'all'"),
            Map.entry("township", "substr(c.village_code, 1, 4)"),
            Map.entry("village", "c.village_code"),
            Map.entry("category", "c.category_code"),
            Map.entry("organisation", "coalesce(c.handling_org, '-')"),
            Map.entry("day", period("day", "YYYY-MM-DD")),
            Map.entry("week", period("week", "YYYY-MM-DD")),
            Map.entry("month", period("month", "YYYY-MM")),
            Map.entry("quarter", period("quarter", "YYYY-\"Q\"Q")),
            Map.entry("year", period("year", "YYYY")));

    /** Groups keyed by time, ordered by their key; a week is named by its Monday. */
    static final java.util.Set<String> PERIODS = java.util.Set.of("day", "week", "month", "quarter", "year");

    private static String period(String unit, String format) {
        return "to_char(date_trunc('" + unit + "', c.created_at at time zone :zone), '" + format + "')";
    }

    private static final String SELECT = """
            select %s as key,
              count(*) as received_count,
              count(*) filter (where c.sign_due is not null) as dispatched,
              count(*) filter (where c.signed_at is not null and c.signed_at <= c.sign_due) as signed_in_time,
              count(*) filter (where c.status in ('solved', 'unsolvable')) as closed,
              count(*) filter (where c.status in ('solved', 'unsolvable') and c.resolve_due is not null
                                 and c.closed_at <= c.resolve_due) as closed_in_time,
              count(*) filter (where c.status in ('solved', 'unsolvable') and c.resolve_due is not null) as closed_with_deadline,
              count(*) filter (where c.status = 'solved') as solved,
              count(*) filter (where c.status = 'answered') as answered,
              count(*) filter (where c.extensions > 0) as extended,
              count(*) filter (where c.deferred_until is not null) as deferred,
              count(*) filter (where c.deferrals > 0) as ever_deferred,
              count(*) filter (where c.status in ('solved', 'unsolvable') and c.resolve_due is not null
                                 and c.closed_at <= coalesce(c.resolve_due_original, c.resolve_due)) as closed_in_original_time,
              count(*) filter (where c.rating in ('satisfied', 'basically')) as satisfied,
              count(*) filter (where c.rating in ('satisfied', 'basically', 'dissatisfied')) as rated,
              count(*) filter (where c.rating = 'no-response') as no_response,
              count(*) filter (where c.reworks > 0 and c.status in ('solved', 'unsolvable')) as reworked,
              count(*) filter (where c.returns > 0) as returned,
              coalesce(sum(c.supervisions), 0) as supervisions,
              coalesce(sum(c.reworks), 0) as reworks,
              count(*) filter (where c.closed_at is null and c.status not in ('rejected', 'merged')) as open_count,
              count(*) filter (where c.closed_at is null and c.status not in ('rejected', 'merged')
                                 and c.resolve_due < now()) as overdue_count,
              sum(extract(epoch from c.closed_at - c.created_at)) filter (where c.status in ('solved', 'unsolvable'))
                  / nullif(count(c.closed_at) filter (where c.status in ('solved', 'unsolvable')), 0) / 3600 as avg_hours,
              %s as p90_hours,
              avg(c.supporters) as supporters
              from minqing.case_record c
             where c.created_at >= :from and c.created_at < :to and c.village_code like :region
               and (:category is null or c.category_code = :category)
               and (:organisation is null or c.handling_org = :organisation)
             group by 1 order by 1
            """;

    private final NamedParameterJdbcTemplate jdbc;

    private final String zone;

    Indicators(NamedParameterJdbcTemplate jdbc,
               @org.springframework.beans.factory.annotation.Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /**
     * The 90th percentile by nearest rank: the ⌈0.9·n⌉-th smallest time to close, the least time
     * within which at least 90% of the closed cases were closed (as the library defines it). The
     * interpolated percentile_cont would name a time that fewer than 90% kept when n is small.
     */
    private static final String P90 = """
            percentile_disc(0.9) within group (order by extract(epoch from c.closed_at - c.created_at) / 3600)
                  filter (where c.status in ('solved', 'unsolvable'))""";

    Map<String, IndicatorValues> compute(StatsQuery q, java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        return compute(q, from, to, true);
    }

    /** Without the 90th percentile (it sorts every group's cases) when the caller does not show it. */
    Map<String, IndicatorValues> compute(StatsQuery q, java.time.OffsetDateTime from, java.time.OffsetDateTime to,
                                         boolean percentile) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from).addValue("to", to)
                .addValue("region", q.region() + "%").addValue("category", q.category(), java.sql.Types.VARCHAR)
                .addValue("organisation", q.organisation(), java.sql.Types.VARCHAR).addValue("zone", zone);
        Map<String, IndicatorValues> rows = new LinkedHashMap<>();
        jdbc.query(SELECT.formatted(GROUPS.get(q.groupBy()), percentile ? P90 : "null::float8"), params, rs -> {
            rows.put(rs.getString("key"), IndicatorValues.from(rs));
        });
        return rows;
    }

    /** Only the 90th percentile of each group (for the daily rollups, which cannot sum it). */
    Map<String, Double> p90(StatsQuery q, java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from).addValue("to", to)
                .addValue("region", q.region() + "%").addValue("category", q.category(), java.sql.Types.VARCHAR)
                .addValue("organisation", q.organisation(), java.sql.Types.VARCHAR).addValue("zone", zone);
        Map<String, Double> p90 = new java.util.HashMap<>();
        jdbc.query("""
                select %s as key, %s as p90_hours from minqing.case_record c
                 where c.created_at >= :from and c.created_at < :to and c.village_code like :region
                   and (:category is null or c.category_code = :category)
                   and (:organisation is null or c.handling_org = :organisation)
                 group by 1
                """.formatted(GROUPS.get(q.groupBy()), P90), params, rs -> {
            p90.put(rs.getString("key"), rs.getObject("p90_hours") == null ? null : rs.getDouble("p90_hours"));
        });
        return p90;
    }

    /** The indicators computed for groups of cases, in the library's order. */
    List<IndicatorDefinition> definitions() {
        return definitions("cases");
    }

    /** The whole library: those computed for groups of cases, then those computed per stage. */
    List<IndicatorDefinition> allDefinitions() {
        return definitions(null);
    }

    List<IndicatorDefinition> definitions(String appliesTo) {
        return jdbc.query("select * from minqing.indicator where (:appliesTo is null or applies_to = :appliesTo) order by sort",
                new MapSqlParameterSource().addValue("appliesTo", appliesTo, java.sql.Types.VARCHAR),
                (rs, i) -> new IndicatorDefinition(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        rs.getString("definition"), rs.getString("formula"), rs.getString("unit"),
                        rs.getBoolean("higher_is_better"),
                        rs.getObject("target") == null ? null : rs.getBigDecimal("target").doubleValue(),
                        rs.getString("applies_to")));
    }
}
