package cn.minqing.stats;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each organisation's joint handling (协办) for the rankings: of its co-handle tasks on the period's cases whose
 * outcome is known (reported, closed without report, or still open past the deadline), how many it reported in time.
 */
@Repository
class CoHandlingFigures {

    /** {@code onTimeRate}: reported in time / decided; null when none is decided yet. */
    record Figure(long decided, long onTime) {
        Double onTimeRate() {
            return decided == 0 ? null : Math.round(10000.0 * onTime / decided) / 10000.0;
        }
    }

    private static final String SELECT = """
            select e->>'code' as org,
                   count(*) filter (where e->>'status' in ('reported', 'closed')
                                       or (e->>'status' = 'open' and (e->>'due')::timestamptz < :now)) as decided,
                   count(*) filter (where e->>'status' = 'reported'
                                      and (e->>'reportedAt')::timestamptz <= (e->>'due')::timestamptz) as on_time
              from minqing.case_record c, jsonb_array_elements(c.co_organisations) e
             where c.co_organisations <> '[]'::jsonb -- only cases handled jointly (V581's index), not the period's every case
               and c.created_at >= :from and c.created_at < :to and c.village_code like :region
               and (cast(:category as text) is null or c.category_code = :category)
               and (e->>'due') is not null -- not jsonb's ? operator: the named-parameter parser takes it for a placeholder
             group by 1
            """;

    private final NamedParameterJdbcTemplate jdbc;

    CoHandlingFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Figure> byOrganisation(StatsQuery q, OffsetDateTime from, OffsetDateTime to, OffsetDateTime now) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", from).addValue("to", to)
                .addValue("now", now).addValue("region", q.region() + "%")
                .addValue("category", q.category(), java.sql.Types.VARCHAR);
        Map<String, Figure> figures = new HashMap<>();
        jdbc.query(SELECT, params, rs -> {
            figures.put(rs.getString("org"), new Figure(rs.getLong("decided"), rs.getLong("on_time")));
        });
        return figures;
    }
}
