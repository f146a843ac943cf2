package cn.minqing.plans;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases deferred to plans (挂账) in PostgreSQL, table {@code case_deferral}. */
@Repository
class DeferralStore {

    private static final String SELECT = """
            select d.id, d.case_number, d.plan_id as plan, p.title as plan_title, p.public as plan_public, d.until,
                   d.reason, d.deferred_by, d.deferred_at, d.ended_at
              from minqing.case_deferral d join minqing.work_plan p on p.id = d.plan_id""";

    private final JdbcClient jdbc;

    DeferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String caseNumber, long planId, OffsetDateTime until, String reason, String by) {
        return jdbc.sql("""
                insert into minqing.case_deferral (case_number, plan_id, until, reason, deferred_by)
                values (?, ?, ?, ?, ?) returning id
                """).params(caseNumber, planId, until, reason, by).query(Long.class).single();
    }

    void setProcessInstance(long id, String processInstance) {
        jdbc.sql("update minqing.case_deferral set process_instance = ? where id = ?").params(processInstance, id).update();
    }

    void end(long id) {
        jdbc.sql("update minqing.case_deferral set ended_at = now() where id = ? and ended_at is null").param(id).update();
    }

    Optional<Deferral> find(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(Deferral.class).optional();
    }

    /** The case's deferral now, if it is deferred. */
    Optional<Deferral> current(String caseNumber) {
        return jdbc.sql(SELECT + " where d.case_number = ? and d.ended_at is null order by d.id desc limit 1")
                .param(caseNumber).query(Deferral.class).optional();
    }

    /** The cases deferred to a plan now. */
    List<Deferral> ofPlan(long planId) {
        return jdbc.sql(SELECT + " where d.plan_id = ? and d.ended_at is null order by d.until, d.id")
                .param(planId).query(Deferral.class).list();
    }
}
