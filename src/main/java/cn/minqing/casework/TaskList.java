package cn.minqing.casework;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The task list as one SQL query over Camunda's runtime tables joined with the cases, so filters on
 * the case (category, village, urgency, overdue) and the sort by deadline stay fast with thousands of
 * open cases. A person sees the tasks assigned to them and those of their candidate groups or name.
 */
@Repository
class TaskList {

    private static final String TABLES = """
              from act_ru_task t
              join act_ru_execution e on e.id_ = t.proc_inst_id_
              join minqing.case_record c on c.number = e.business_key_
            """;
    /** Active tasks of cases not deferred to a work plan (挂账: they come back on the plan's date). */
    private static final String OPEN = " where t.suspension_state_ = 1 and c.deferred_until is null\n";
    private static final String FROM = TABLES + OPEN;
    /** The same rows with the claimant's display name (办理人 by name, never by user name on the page). */
    private static final String FROM_NAMED = TABLES + " left join minqing.app_user u on u.username = t.assignee_\n" + OPEN;
    private static final String COLUMNS = """
                select t.id_, t.task_def_key_, t.name_, t.create_time_, t.due_date_, t.assignee_,
                       u.display_name as assignee_name,
                       c.number, c.title, c.village_code, c.category_code, c.urgency, c.status, c.deadline_level,
                       c.warn_at, c.resolve_due,
                       array(select l.group_id_ from act_ru_identitylink l
                              where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null) as groups
            """;
    private static final String VISIBLE = """
               and (:admin or t.assignee_ = :me or (t.assignee_ is null and exists (
                    select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate'
                       and (l.user_id_ = :me or l.group_id_ in (:groups)))))
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSource messages;

    TaskList(NamedParameterJdbcTemplate jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    List<TaskView> find(CurrentUser user, TaskFilter f) {
        MapSqlParameterSource params = params(user);
        String where = filters(f, params, true);
        params.addValue("size", f.size()).addValue("from", f.from());
        return jdbc.query(COLUMNS + FROM_NAMED + VISIBLE + where + """
                 order by coalesce(t.due_date_, c.resolve_due) asc nulls last, t.create_time_ asc, t.id_
                 limit :size offset :from
                """, params, this::map);
    }

    /** How many tasks of each stage the person may work (with the same filters but the stage). */
    Map<String, Long> countsByStage(CurrentUser user, TaskFilter f) {
        MapSqlParameterSource params = params(user);
        String where = filters(f, params, false);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select t.task_def_key_ as stage, count(*) as n " + FROM + VISIBLE + where
                + " group by t.task_def_key_ order by 1", params,
                rs -> { counts.put(rs.getString("stage"), rs.getLong("n")); });
        return counts;
    }

    Optional<TaskView> visible(CurrentUser user, String taskId) {
        MapSqlParameterSource params = params(user).addValue("taskId", taskId);
        String where = " and t.id_ = :taskId ";
        // the claimant keeps the task; others in the group no longer see it once claimed
        List<TaskView> found = jdbc.query(COLUMNS + FROM_NAMED + """
                   and (:admin or t.assignee_ = :me or exists (
                        select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate'
                           and (l.user_id_ = :me or l.group_id_ in (:groups))))
                """ + where, params, this::map);
        return found.stream().findFirst();
    }

    private static MapSqlParameterSource params(CurrentUser user) {
        List<String> groups = new ArrayList<>(user.taskGroups());
        if (groups.isEmpty()) {
            groups.add("-none-");
        }
        return new MapSqlParameterSource().addValue("admin", user.is(Role.ADMIN))
                .addValue("me", user.username()).addValue("groups", groups);
    }

    private static String filters(TaskFilter f, MapSqlParameterSource params, boolean withStage) {
        StringBuilder where = new StringBuilder();
        if (withStage && f.stage() != null) {
            where.append(" and t.task_def_key_ = :stage");
            params.addValue("stage", f.stage());
        }
        add(where, params, "caseNumber", f.caseNumber(), "c.number");
        add(where, params, "category", f.category(), "c.category_code");
        add(where, params, "village", f.village(), "c.village_code");
        add(where, params, "urgency", f.urgency(), "c.urgency");
        if (Boolean.TRUE.equals(f.overdue())) {
            where.append(" and coalesce(t.due_date_, c.resolve_due) < now()");
        }
        if (Boolean.TRUE.equals(f.mine())) {
            where.append(" and t.assignee_ = :me");
        }
        return where.toString();
    }

    private static void add(StringBuilder where, MapSqlParameterSource params, String name, String value, String column) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.addValue(name, value);
        }
    }

    /** Camunda's columns are timestamps without zone, written in the JVM's zone. */
    private static OffsetDateTime local(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** A co-organisation's flag by its own deadline: yellow at 75% of its time, red when overdue. */
    static String ownFlag(OffsetDateTime created, OffsetDateTime due, OffsetDateTime now) {
        if (due.isBefore(now)) {
            return "red";
        }
        OffsetDateTime warn = created.plus(java.time.Duration.between(created, due).multipliedBy(3).dividedBy(4));
        return warn.isBefore(now) ? "yellow" : "none";
    }

    private TaskView map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime due = local(rs.getTimestamp("due_date_"));
        OffsetDateTime resolveDue = rs.getObject("resolve_due", OffsetDateTime.class);
        OffsetDateTime warnAt = rs.getObject("warn_at", OffsetDateTime.class);
        OffsetDateTime deadline = due != null ? due : resolveDue;
        OffsetDateTime now = OffsetDateTime.now();
        boolean overdue = deadline != null && deadline.isBefore(now);
        String flag = overdue || "red".equals(rs.getString("deadline_level")) ? "red"
                : (warnAt != null && warnAt.isBefore(now)) || "yellow".equals(rs.getString("deadline_level")) ? "yellow" : "none";
        OffsetDateTime created = local(rs.getTimestamp("create_time_"));
        if (Stage.CO_HANDLE.code().equals(rs.getString("task_def_key_")) && due != null && created != null) {
            flag = ownFlag(created, due, cn.minqing.cases.CaseClock.now()); // 协办: its own deadline, not the case's
            overdue = flag.equals("red");
        }
        Array groups = rs.getArray("groups");
        return new TaskView(rs.getString("id_"), rs.getString("number"), rs.getString("task_def_key_"),
                rs.getString("name_"), local(rs.getTimestamp("create_time_")), due,
                Arrays.asList((String[]) groups.getArray()), rs.getString("assignee_"), rs.getString("title"),
                rs.getString("village_code"), rs.getString("category_code"), rs.getString("urgency"),
                rs.getString("status"), flag, overdue, deadline,
                DueInWords.of(deadline, now, messages, LocaleContextHolder.getLocale()), rs.getString("assignee_name"));
    }
}
