package cn.minqing.stats;

import java.sql.Types;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's first row: open cases as they stand now, whenever they were filed (not the period's):
 * overdue as the overdue board counts them (办结时限 passed, or 签收时限 passed while unsigned), near due
 * (临期: the yellow-flag time {@code warn_at} passed, not yet overdue), and all open cases.
 */
@Repository
class NowCounts {

    record Now(long overdue, long nearDue, long open) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    NowCounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Now of(String region, String category) {
        return jdbc.queryForObject("""
                with open_cases as (
                  select c.warn_at,
                         (c.resolve_due < now() or (c.sign_due < now() and c.signed_at is null)) as overdue
                    from minqing.case_record c
                   where c.closed_at is null and c.status not in ('rejected', 'merged', 'solved', 'unsolvable')
                     and c.village_code like :region
                     and (cast(:category as varchar) is null or c.category_code = :category))
                select count(*) filter (where overdue) as overdue,
                       count(*) filter (where not coalesce(overdue, false) and warn_at < now()) as near_due,
                       count(*) as open
                  from open_cases
                """, new MapSqlParameterSource("region", region + "%").addValue("category", category, Types.VARCHAR),
                (rs, n) -> new Now(rs.getLong("overdue"), rs.getLong("near_due"), rs.getLong("open")));
    }
}
