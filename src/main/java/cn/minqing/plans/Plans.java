package cn.minqing.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The work plans, their milestones and their linked cases in PostgreSQL. */
@Repository
class Plans {

    private static final String SELECT = """
            select id, title, problem, source, region_code, categories, query, lead_org, co_orgs, indicator, target,
                   target_date, public, status, owner, created_at, started_at from minqing.work_plan""";

    record Milestone(long planId, int seq, String title, LocalDate due, String assignee, String status, String flag,
                     OffsetDateTime doneAt) {
    }

    record Link(String caseNumber, String how, String reason, OffsetDateTime linkedAt, OffsetDateTime unlinkedAt) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    Plans(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    long insert(NewPlan p, String owner) {
        long id = jdbc.sql("""
                insert into minqing.work_plan (title, problem, source, region_code, categories, query, lead_org, co_orgs,
                  indicator, target, target_date, public, owner, owner_branch)
                values (?, ?, ?, ?, ?::varchar[], ?, ?, ?::varchar[], ?, ?, ?, ?, ?, ?) returning id
                """).params(p.title(), p.problem(), p.source(), p.region(), array(p.categories()), p.query(),
                        p.leadOrganisation(), array(p.coOrganisations()), p.indicator(), p.target(), p.targetDate(),
                        p.isPublic(), owner, p.ownerBranch()).query(Long.class).single();
        for (int i = 0; i < p.milestones().size(); i++) {
            NewPlan.Milestone m = p.milestones().get(i);
            jdbc.sql("insert into minqing.plan_milestone (plan_id, seq, title, due, assignee) values (?, ?, ?, ?, ?)")
                    .params(id, i + 1, m.title(), m.due(), m.assignee()).update();
        }
        return id;
    }

    /** 党支部 that owns the plan, if a branch does. */
    Optional<String> ownerBranch(long planId) {
        return jdbc.sql("select owner_branch from minqing.work_plan where id = ? and owner_branch is not null")
                .param(planId).query(String.class).optional();
    }

    Optional<PlanRow> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    List<PlanRow> all() {
        return jdbc.sql(SELECT + " order by created_at desc, id desc").query(this::map).list();
    }

    /** Plans that are not closed, whose scope keeps linking new cases. */
    List<PlanRow> open() {
        return jdbc.sql(SELECT + " where status <> 'closed' order by id").query(this::map).list();
    }

    void setStatus(long id, PlanStatus status) {
        jdbc.sql("update minqing.work_plan set status = ?, started_at = case when ? = 'in-progress' then now() else started_at end where id = ?")
                .params(status.code(), status.code(), id).update();
    }

    void setProcessInstance(long id, String processInstance) {
        jdbc.sql("update minqing.work_plan set process_instance = ? where id = ?").params(processInstance, id).update();
    }

    List<Milestone> milestones(long planId) {
        return jdbc.sql("select plan_id, seq, title, due, assignee, status, flag, done_at from minqing.plan_milestone where plan_id = ? order by seq")
                .param(planId).query(Milestone.class).list();
    }

    Optional<Milestone> milestone(long planId, int seq) {
        return jdbc.sql("select plan_id, seq, title, due, assignee, status, flag, done_at from minqing.plan_milestone where plan_id = ? and seq = ?")
                .params(planId, seq).query(Milestone.class).optional();
    }

    /** Raises a milestone's flag (none → yellow → red), never lowers it, and only while it is open. */
    void flag(long planId, int seq, String flag) {
        jdbc.sql("""
                update minqing.plan_milestone set flag = ? where plan_id = ? and seq = ? and status = 'open'
                   and (flag = 'none' or (flag = 'yellow' and ? = 'red'))
                """).params(flag, planId, seq, flag).update();
    }

    void milestoneDone(long planId, int seq) {
        jdbc.sql("update minqing.plan_milestone set status = 'done', done_at = now() where plan_id = ? and seq = ? and status = 'open'")
                .params(planId, seq).update();
    }

    long linkedCount(long planId) {
        return jdbc.sql("select count(*) from minqing.plan_case where plan_id = ? and unlinked_at is null")
                .param(planId).query(Long.class).single();
    }

    /** The cases linked now, newest link first. */
    List<Link> links(long planId) {
        return jdbc.sql("""
                select case_number, how, reason, linked_at, unlinked_at from minqing.plan_case
                 where plan_id = ? and unlinked_at is null order by linked_at desc, case_number
                """).param(planId).query(Link.class).list();
    }

    Optional<Link> link(long planId, String caseNumber) {
        return jdbc.sql("select case_number, how, reason, linked_at, unlinked_at from minqing.plan_case where plan_id = ? and case_number = ?")
                .params(planId, caseNumber).query(Link.class).optional();
    }

    /** Links by hand, or links again a case unlinked before. */
    void linkByHand(long planId, String caseNumber, String reason, String by) {
        jdbc.sql("""
                insert into minqing.plan_case (plan_id, case_number, how, reason, linked_by) values (?, ?, 'hand', ?, ?)
                on conflict (plan_id, case_number) do update set how = 'hand', reason = excluded.reason,
                  linked_by = excluded.linked_by, linked_at = now(), unlinked_at = null, unlinked_by = null, unlink_reason = null
                """).params(planId, caseNumber, reason, by).update();
        announce(planId, List.of(caseNumber));
    }

    /** Links automatically the cases not linked yet; a case once unlinked by hand stays unlinked. */
    int linkAutomatically(long planId, List<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return 0;
        }
        List<String> linked = jdbc.sql("""
                insert into minqing.plan_case (plan_id, case_number, how)
                select ?, c.number, 'auto' from minqing.case_record c where c.number = any(?::varchar[])
                on conflict (plan_id, case_number) do nothing returning case_number
                """).params(planId, array(caseNumbers)).query(String.class).list();
        announce(planId, linked);
        return linked.size();
    }

    private void announce(long planId, List<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return;
        }
        record Plan(String title, boolean isPublic) {
        }
        Plan plan = jdbc.sql("select title, public from minqing.work_plan where id = ?").param(planId)
                .query((rs, n) -> new Plan(rs.getString(1), rs.getBoolean(2))).single();
        caseNumbers.forEach(n -> events.publishEvent(new CaseLinkedToPlan(n, planId, plan.title(), plan.isPublic())));
    }

    void unlink(long planId, String caseNumber, String reason, String by) {
        jdbc.sql("""
                update minqing.plan_case set unlinked_at = now(), unlinked_by = ?, unlink_reason = ?
                 where plan_id = ? and case_number = ? and unlinked_at is null
                """).params(by, reason, planId, caseNumber).update();
    }

    /** The plans a case is linked to now. */
    List<PlanRow> ofCase(String caseNumber) {
        return jdbc.sql(SELECT + " where id in (select plan_id from minqing.plan_case where case_number = ? and unlinked_at is null) order by id")
                .param(caseNumber).query(this::map).list();
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }

    private PlanRow map(ResultSet rs, int row) throws SQLException {
        return new PlanRow(rs.getLong("id"), rs.getString("title"), rs.getString("problem"), rs.getString("source"),
                rs.getString("region_code"), list(rs, "categories"), rs.getString("query"), rs.getString("lead_org"),
                list(rs, "co_orgs"), rs.getString("indicator"), rs.getBigDecimal("target"),
                rs.getObject("target_date", LocalDate.class), rs.getBoolean("public"),
                PlanStatus.of(rs.getString("status")).orElseThrow(), rs.getString("owner"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class));
    }

    private static List<String> list(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
