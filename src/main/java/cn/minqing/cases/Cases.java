package cn.minqing.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case store. Every change also writes a row to the search outbox in the same transaction,
 * so the index can never miss a committed change.
 */
@Repository
public class Cases {

    private static final String COLUMNS = """
            id, number, title, description, category_code, village_code, reporter, anonymous, lat, lon,
                   address, status, urgency, handling_org, outcome_note, process_instance_id, supporters,
                   created_at, updated_at, closed_at, sign_due, resolve_due, warn_at, deadline_level, signed_at,
                   returns, reworks, supervisions, estimated_cost, rating, rating_comment, rated_at, version,
                   channel, visit_id,
                   coalesce(resolve_due_original, resolve_due) as resolve_due_original, extensions,
                   suspended_at, suspended_hours, rated_by, deferred_until, deferrals, co_organisations::text as co_organisations
            """;
    private static final String SELECT = "select " + COLUMNS + " from minqing.case_record";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final OutboxSignal outboxSignal;

    Cases(JdbcClient jdbc, ApplicationEventPublisher events, OutboxSignal outboxSignal) {
        this.jdbc = jdbc;
        this.events = events;
        this.outboxSignal = outboxSignal;
    }

    /** Stores a new case; answers the row as inserted (the database's defaults filled in), as {@link #find} reads it. */
    public CaseRecord insert(String number, NewCase c, OffsetDateTime at, String processInstanceId) {
        CaseRecord inserted = jdbc.sql("""
                insert into minqing.case_record (number, title, description, category_code, village_code, reporter,
                    anonymous, lat, lon, address, status, created_at, updated_at, process_instance_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?) returning
                """ + COLUMNS).params(number, c.title(), c.description(), c.categoryCode(), c.villageCode(), c.reporter(),
                        c.anonymous(), c.lat(), c.lon(), c.address(), at, at, processInstanceId)
                .query(Cases::map).single();
        changed(number);
        return inserted;
    }

    public Optional<CaseRecord> find(String number) {
        return jdbc.sql(SELECT + " where number = ?").param(number).query(Cases::map).optional();
    }

    public List<CaseRecord> byNumbers(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where number = any(?::varchar[])")
                .param("{" + String.join(",", numbers) + "}").query(Cases::map).list();
    }

    public List<CaseRecord> ofReporter(String reporter, int limit) {
        return jdbc.sql(SELECT + " where reporter = ? order by created_at desc limit ?")
                .params(reporter, limit).query(Cases::map).list();
    }

    /** A page of all cases in id order, for rebuilding the index. */
    public List<CaseRecord> page(long afterId, int size) {
        return jdbc.sql(SELECT + " where id > ? order by id limit ?").params(afterId, size).query(Cases::map).list();
    }

    /** 民情走访: the case is a need found on a visit; it keeps the visit's id and the channel {@code visit}. */
    public void cameFromVisit(String number, long visitId) {
        update(number, "channel = 'visit', visit_id = ?", visitId);
    }

    /** Where a report came in other than the app: {@code open311} for a GeoReport client. */
    public void cameThrough(String number, String channel) {
        update(number, "channel = ?", channel);
    }

    public void filedBy(String number, String cadre) {
        jdbc.sql("update minqing.case_record set filed_by = ? where number = ?").params(cadre, number).update();
    }

    public void linkProcess(String number, String processInstanceId) {
        jdbc.sql("update minqing.case_record set process_instance_id = ? where number = ?")
                .params(processInstanceId, number).update();
    }

    /** The case enters a status; a status this transaction already wrote (see {@link #dispatch}) is not written twice. */
    public void moveTo(String number, CaseStatus status) {
        if (!StatusInTransaction.already(number, status)) {
            jdbc.sql("update minqing.case_record set status = ?, updated_at = now() where number = ?")
                    .params(status.code(), number).update();
            StatusInTransaction.wrote(number, status);
            changed(number);
        }
        events.publishEvent(new CaseStatusChanged(number, status));
    }

    /**
     * 派单: the case goes to the organisation the routing table named, at the urgency 受理 gave it ({@code null}: as
     * it was), with its deadlines, and shows 已派单 until signed for — one update of the row where 受理 wrote four
     * (urgency, handler, deadlines, status). The 签收 task that follows enters 已派单 without writing it again
     * ({@link #moveTo}).
     */
    public void dispatch(String number, String organisationCode, String urgency, OffsetDateTime signDue,
                         OffsetDateTime resolveDue, OffsetDateTime warnAt) {
        update(number, "handling_org = ?, urgency = coalesce(?, urgency), sign_due = ?, resolve_due = ?, warn_at = ?, "
                + "status = ?", organisationCode, urgency, signDue, resolveDue, warnAt, CaseStatus.DISPATCHED.code());
        StatusInTransaction.wrote(number, CaseStatus.DISPATCHED);
    }

    public void assignHandler(String number, String organisationCode) {
        jdbc.sql("update minqing.case_record set handling_org = ?, updated_at = now() where number = ?")
                .params(organisationCode, number).update();
        changed(number);
    }

    /** Ends a case with its outcome; the note says why where the outcome needs a reason. */
    public void close(String number, CaseStatus outcome, String note) {
        close(number, outcome, note, null);
    }

    /**
     * The same, with the urgency 受理 gave ({@code null}: as it was) — for a case that ends at 受理 and so never
     * reaches {@link #dispatch}: still one update of the row.
     */
    public void close(String number, CaseStatus outcome, String note, String urgency) {
        jdbc.sql("""
                update minqing.case_record set status = ?, outcome_note = ?, closed_at = ?,
                       urgency = coalesce(?, urgency), updated_at = now()
                 where number = ?
                """).params(outcome.code(), note, CaseClock.now(), urgency, number).update();
        StatusInTransaction.wrote(number, outcome);
        changed(number);
        events.publishEvent(new CaseStatusChanged(number, outcome));
    }

    /** Reopened by the villager: no longer closed, counted as rework (重办). */
    public void reopen(String number) {
        update(number, "closed_at = null, outcome_note = null, status = 'rework', reworks = reworks + 1, "
                + "rating = null, rated_at = null, deadline_level = 'none'");
    }

    public void addSupporter(String number) {
        jdbc.sql("update minqing.case_record set supporters = supporters + 1, updated_at = now() where number = ?")
                .param(number).update();
        changed(number);
    }

    public void setDeadlines(String number, OffsetDateTime signDue, OffsetDateTime resolveDue, OffsetDateTime warnAt) {
        update(number, "sign_due = ?, resolve_due = ?, warn_at = ?", signDue, resolveDue, warnAt);
    }

    public void markSigned(String number, OffsetDateTime at) {
        update(number, "signed_at = coalesce(signed_at, ?), status = 'signed'", at);
    }

    /** 退单: the organisation handed the case back. */
    public void countReturn(String number) {
        update(number, "returns = returns + 1, signed_at = null");
    }

    /** 重办: the villager was not satisfied; the case goes back to the handler. */
    public void countRework(String number) {
        update(number, "reworks = reworks + 1, status = 'rework', rating = null, rated_at = null");
    }

    /** Yellow at 75% of the deadline, red when overdue; red also counts a supervision (督办). */
    public void flag(String number, String level) {
        update(number, "red".equals(level) ? "deadline_level = ?, supervisions = supervisions + 1" : "deadline_level = ?", level);
    }

    /** 督办 by a leader: one more supervision, counted as the red flag counts it. */
    public void countSupervision(String number) {
        update(number, "supervisions = supervisions + 1");
    }

    /**
     * 延期 approved: the resolve deadline moves (the first one is kept), the yellow warning with it, and a raised
     * yellow flag is lowered until the new warning comes; a red flag stays (it was raised, and counted).
     */
    public void extend(String number, OffsetDateTime resolveDue, OffsetDateTime warnAt) {
        update(number, "resolve_due_original = coalesce(resolve_due_original, resolve_due), resolve_due = ?, warn_at = ?, "
                + "extensions = extensions + 1, deadline_level = case when deadline_level = 'yellow' then 'none' "
                + "else deadline_level end", resolveDue, warnAt);
    }

    /** 挂起: the clock stopped at {@code at}. */
    public void suspend(String number, OffsetDateTime at) {
        update(number, "suspended_at = ?", at);
    }

    /** The clock restarts: the deadlines moved by the time it stood still, which is added up. */
    public void resume(String number, OffsetDateTime resolveDue, OffsetDateTime warnAt, double hours) {
        update(number, "suspended_at = null, resolve_due = ?, warn_at = ?, suspended_hours = suspended_hours + ?",
                resolveDue, warnAt, java.math.BigDecimal.valueOf(hours).setScale(2, java.math.RoundingMode.HALF_UP));
    }

    /** 挂账: deferred to a work plan until {@code until}; its tasks leave the task lists meanwhile. */
    public void defer(String number, OffsetDateTime until) {
        update(number, "deferred_until = ?, deferrals = deferrals + 1", until);
    }

    /** 挂账 over: the case is back on its handlers' task lists. */
    public void endDeferral(String number) {
        update(number, "deferred_until = null");
    }

    /** Corrected at intake (受理): the category or village the report was filed under was wrong. */
    public void recategorise(String number, String categoryCode, String villageCode) {
        update(number, "category_code = ?, village_code = ?", categoryCode, villageCode);
    }

    /** The co-organisations of the case's joint handling (协办), replaced as a whole. */
    public void setCoOrganisations(String number, List<CoOrganisation> coOrganisations) {
        update(number, "co_organisations = ?::jsonb", CoOrganisationsJson.write(coOrganisations));
    }

    public void setEstimatedCost(String number, java.math.BigDecimal cost) {
        update(number, "estimated_cost = ?", cost);
    }

    /** 回访: satisfied, basically, dissatisfied or no-response. */
    public void rate(String number, String rating, String comment, OffsetDateTime at) {
        update(number, "rating = ?, rating_comment = ?, rated_at = ?, rated_by = null", rating, comment, at);
    }

    /** 电话回访: the rating the villager gave the county centre on the phone, marked as such. */
    public void rateByPhone(String number, String rating, String comment, OffsetDateTime at) {
        update(number, "rating = ?, rating_comment = ?, rated_at = ?, rated_by = 'phone'", rating, comment, at);
    }

    private void update(String number, String assignments, Object... values) {
        Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
        params[values.length] = number;
        jdbc.sql("update minqing.case_record set " + assignments + ", updated_at = now() where number = ?")
                .params(params).update();
        if (assignments.contains("status =")) {
            StatusInTransaction.wrote(number, null); // another status: the next moveTo writes whatever it enters
        }
        changed(number);
    }

    /**
     * Queue the case for (re)indexing, inside the caller's transaction: once per case and transaction, since the
     * indexer reads the case as committed (受理 alone changed the row four times, each with its own outbox row).
     */
    public void changed(String number) {
        if (QueuedInTransaction.first(number, outboxSignal::committed)) {
            jdbc.sql("insert into minqing.search_outbox (case_number) values (?)").param(number).update();
        }
    }

    static CaseRecord map(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                rs.getString("description"), rs.getString("category_code"), rs.getString("village_code"),
                rs.getString("reporter"), rs.getBoolean("anonymous"), (Double) rs.getObject("lat"),
                (Double) rs.getObject("lon"), rs.getString("address"), CaseStatus.of(rs.getString("status")),
                rs.getString("urgency"), rs.getString("handling_org"), rs.getString("outcome_note"),
                rs.getString("process_instance_id"), rs.getInt("supporters"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class), new CaseRecord.Handling(
                rs.getObject("sign_due", OffsetDateTime.class), rs.getObject("resolve_due", OffsetDateTime.class),
                rs.getObject("warn_at", OffsetDateTime.class), rs.getString("deadline_level"),
                rs.getObject("signed_at", OffsetDateTime.class), rs.getInt("returns"), rs.getInt("reworks"),
                rs.getInt("supervisions"), rs.getBigDecimal("estimated_cost"), rs.getString("rating"),
                rs.getString("rating_comment"), rs.getObject("rated_at", OffsetDateTime.class),
                rs.getObject("resolve_due_original", OffsetDateTime.class), rs.getInt("extensions"),
                rs.getDouble("suspended_hours"), rs.getObject("suspended_at", OffsetDateTime.class),
                rs.getString("rated_by"), rs.getObject("deferred_until", OffsetDateTime.class),
                rs.getInt("deferrals"), CoOrganisationsJson.read(rs.getString("co_organisations"))), rs.getLong("version"),
                rs.getString("channel"), (Long) rs.getObject("visit_id"));
    }
}
