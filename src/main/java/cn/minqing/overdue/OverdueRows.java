package cn.minqing.overdue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The board's SQL: open cases past their 办结时限 (resolve_due), or past their 签收时限 (sign_due) while
 * unsigned, and the open tasks of those cases from Camunda's runtime tables with their claimants.
 */
@Repository
class OverdueRows {

    /** {@code everywhere}: no region limit (an admin); else the cases of these villages, and one's own reports. */
    record Filter(boolean everywhere, List<String> villages, String me, String category, OffsetDateTime filedFrom,
                  OffsetDateTime filedBefore) {
    }

    record Row(String number, String title, String villageCode, String category, String handlingOrg, String reporter,
               String overdueKind, OffsetDateTime dueAt, int supervisions, String status) {
    }

    /** An open task (督办 tasks aside), its claimant's name and phone and its candidate groups. */
    record OpenTask(String stage, String assignee, String assigneeName, String assigneePhone, boolean assigneeIsVillager,
                    List<String> groups, OffsetDateTime due) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    OverdueRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> overdue(Filter f) {
        return query(f, true, null);
    }

    /**
     * Every open case of the filter, overdue or not (the township's open cases, 在办件), optionally of one status;
     * {@code due_at} is the deadline that counts now: the 签收时限 while unsigned, else the 办结时限.
     */
    List<Row> open(Filter f, String status) {
        return query(f, false, status);
    }

    private List<Row> query(Filter f, boolean overdueOnly, String status) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("everywhere", f.everywhere())
                .addValue("villages", f.villages().isEmpty() ? "{}" : "{" + String.join(",", f.villages()) + "}")
                .addValue("me", f.me()).addValue("category", f.category(), Types.VARCHAR)
                .addValue("filedFrom", f.filedFrom(), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("filedBefore", f.filedBefore(), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("overdueOnly", overdueOnly).addValue("status", status, Types.VARCHAR);
        return jdbc.query("""
                select c.number, c.title, c.village_code, c.category_code, c.handling_org, c.reporter, c.supervisions,
                       c.status,
                       case when c.resolve_due < now() then 'resolve'
                            when c.sign_due < now() and c.signed_at is null then 'sign' else 'none' end as overdue_kind,
                       case when c.resolve_due < now() then c.resolve_due
                            when c.signed_at is null and c.sign_due is not null then c.sign_due
                            else c.resolve_due end as due_at
                  from minqing.case_record c
                 where c.closed_at is null and c.status not in ('rejected', 'merged', 'solved', 'unsolvable')
                   and (not :overdueOnly or c.resolve_due < now() or (c.sign_due < now() and c.signed_at is null))
                   and (cast(:status as varchar) is null or c.status = :status)
                   and (:everywhere or c.village_code = any(cast(:villages as varchar[])) or c.reporter = :me)
                   and (cast(:category as varchar) is null or c.category_code = :category)
                   and (cast(:filedFrom as timestamptz) is null or c.created_at >= :filedFrom)
                   and (cast(:filedBefore as timestamptz) is null or c.created_at < :filedBefore)
                """, params, OverdueRows::row);
    }

    /** The open tasks of these cases, oldest first, by case number. */
    Map<String, List<OpenTask>> openTasks(List<String> numbers) {
        Map<String, List<OpenTask>> open = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return open;
        }
        jdbc.query("""
                select e.business_key_ as number, t.task_def_key_, t.assignee_, u.display_name, u.phone, t.due_date_,
                       coalesce(u.roles = '{VILLAGER}'::varchar[], false) as villager_only,
                       array(select l.group_id_ from act_ru_identitylink l
                              where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null) as groups
                  from act_ru_task t
                  join act_ru_execution e on e.id_ = t.proc_inst_id_
                  left join minqing.app_user u on u.username = t.assignee_
                 where e.business_key_ = any(cast(:numbers as varchar[])) and t.task_def_key_ <> 'supervise'
                   and t.suspension_state_ = 1
                 order by t.create_time_, t.id_
                """, new MapSqlParameterSource("numbers", "{" + String.join(",", numbers) + "}"), rs -> {
            Array groups = rs.getArray("groups");
            open.computeIfAbsent(rs.getString("number"), n -> new java.util.ArrayList<>()).add(new OpenTask(
                    rs.getString("task_def_key_"), rs.getString("assignee_"), rs.getString("display_name"),
                    rs.getString("phone"), rs.getBoolean("villager_only"), Arrays.asList((String[]) groups.getArray()),
                    rs.getTimestamp("due_date_") == null ? null
                            : rs.getTimestamp("due_date_").toInstant().atOffset(java.time.ZoneOffset.UTC)));
        });
        return open;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("number"), rs.getString("title"), rs.getString("village_code"),
                rs.getString("category_code"), rs.getString("handling_org"), rs.getString("reporter"),
                rs.getString("overdue_kind"), rs.getObject("due_at", OffsetDateTime.class), rs.getInt("supervisions"),
                rs.getString("status"));
    }
}
