package cn.minqing.stats;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Time spent in each stage of the process (环节耗时): average and 90th percentile (nearest rank, as
 * for the time to close: the ⌈0.9·n⌉-th smallest), in hours, of the
 * stage's tasks completed in a period (not those cancelled by a timer or by the case ending), from Camunda's task history joined to the cases, within a
 * region, category and organisation. Slowest stage first.
 */
@Repository
class StageDurations {

    /** One stage: how many of its tasks finished, and how long they took. */
    record StageTime(String stage, String name, long finished, Double avgHours, Double p90Hours) {
    }

    private static final String SELECT = """
            select t.task_def_key_ as stage, count(*) as finished,
                   round((avg(t.duration_) / 3600000.0)::numeric, 2)::float8 as avg_hours,
                   round((percentile_disc(0.9) within group (order by t.duration_) / 3600000.0)::numeric, 2)::float8 as p90_hours
              from act_hi_taskinst t join minqing.case_record c on c.process_instance_id = t.proc_inst_id_
             where t.end_time_ >= :from and t.end_time_ < :to and t.duration_ is not null
               and t.delete_reason_ = 'completed'
               and c.village_code like :region
               and (:category is null or c.category_code = :category)
               and (:organisation is null or c.handling_org = :organisation)
             group by t.task_def_key_ order by avg_hours desc
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSource messages;

    StageDurations(NamedParameterJdbcTemplate jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    List<StageTime> compute(StatsQuery q, OffsetDateTime from, OffsetDateTime to) {
        // Camunda keeps its times without a zone, in the engine's (the JVM's) zone
        ZoneId engine = ZoneId.systemDefault();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", from.atZoneSameInstant(engine).toLocalDateTime())
                .addValue("to", to.atZoneSameInstant(engine).toLocalDateTime())
                .addValue("region", q.region() + "%").addValue("category", q.category(), java.sql.Types.VARCHAR)
                .addValue("organisation", q.organisation(), java.sql.Types.VARCHAR);
        return jdbc.query(SELECT, params, (rs, i) -> {
            String stage = rs.getString("stage");
            return new StageTime(stage, messages.getMessage("stage." + stage, null, stage, Locale.SIMPLIFIED_CHINESE),
                    rs.getLong("finished"), rs.getDouble("avg_hours"), rs.getDouble("p90_hours"));
        });
    }
}
