package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.CaseStatusChanged;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which change of a case the reporter is texted about, by which template. Runs inside the change's transaction, so
 * the outbox row commits with the change or not at all. Only the reporter is texted (supporters hear in the app);
 * an anonymous reporter too: their number is looked up only when sending and is shown to nobody.
 * <p>
 * A new case's "received" (收到) is owed instead (issue 16: the filing's CPU): one row written in the filing's
 * transaction, without reading the case, the person's channels or the template; the sender turns it into the outbox's
 * rows after the commit ({@link #renderOwed}), dated when the case was filed, on the channels the filing's instance had
 * set up (kept on the owed row: in a mixed fleet the renderer's may differ). Nothing is owed where no gateway is set
 * up, as nothing was queued there before.
 */
@Component
class CaseMessages {

    private record Facts(String title, String reporter, String handler, String rating) {
    }

    /**
     * A message owed by a committed change, with when it was owed and the channels set up where it was owed (both null
     * on a row owed before they were kept: the renderer's then).
     */
    record Owed(long id, String caseNumber, String event, OffsetDateTime createdAt, Boolean sms, Boolean wechat) {

        ChannelGateways.Configured channels(ChannelGateways.Configured renderers) {
            return sms == null || wechat == null ? renderers : new ChannelGateways.Configured(sms, wechat);
        }
    }

    private final JdbcClient jdbc;
    private final ChannelOutbox outbox;
    private final RatingRequests ratingRequests;
    private final ChannelGateways gateways;

    CaseMessages(JdbcClient jdbc, ChannelOutbox outbox, RatingRequests ratingRequests, ChannelGateways gateways) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.ratingRequests = ratingRequests;
        this.gateways = gateways;
    }

    @EventListener
    void caseChanged(CaseStatusChanged change) {
        if (change.status() == CaseStatus.RECEIVED) {
            // a case just filed: never asked for a rating, and its text is rendered after the commit
            ChannelGateways.Configured here = gateways.configured();
            if (here.any()) {
                // the channels this filing can send on go with the row: the instance that renders it may have others
                jdbc.sql("""
                        insert into minqing.channel_message_due (case_number, event, created_at, sms, wechat)
                        values (?, 'received', ?, ?, ?)
                        """).params(change.caseNumber(), CaseClock.now(), here.sms(), here.wechat()).update();
            }
            return;
        }
        boolean asksForRating = change.status() == CaseStatus.AWAITING_FEEDBACK || change.status() == CaseStatus.ANSWERED;
        if (!asksForRating) {
            ratingRequests.close(change.caseNumber());
            if (!gateways.smsConfigured() && !gateways.wechatConfigured()) {
                return; // nothing would be queued (ChannelOutbox.enqueue): the case need not be read
            }
        }
        Facts f = facts(change.caseNumber()).orElse(null);
        if (f == null) {
            return; // a process driven on its own, in tests
        }
        if (asksForRating) {
            ratingRequests.ask(change.caseNumber(), f.reporter());
        }
        String event = event(change, f);
        if (event != null) {
            outbox.enqueue(f.reporter(), event, change.caseNumber(), f.title(), f.handler());
        }
    }

    /**
     * Turns up to {@code limit} owed messages into the outbox's rows, in the caller's transaction, which deletes them:
     * both commit or neither, and another sender skips the rows this one holds. Returns how many were taken.
     */
    int renderOwed(int limit) {
        return render(jdbc.sql("""
                delete from minqing.channel_message_due where id in (
                    select id from minqing.channel_message_due order by id limit ? for update skip locked)
                returning id, case_number, event, created_at, sms, wechat
                """).param(limit).query(Owed.class).list());
    }

    /**
     * The same for the owed messages older than {@code createdBefore} that carry their channels, rendered by an
     * instance without any gateway: where no instance has one any more they would be owed for ever, out of sight; so
     * they become outbox rows of their own channels, which the sender then ends as expired, visible with the others.
     */
    int renderStaleOwed(int limit, OffsetDateTime createdBefore) {
        return render(jdbc.sql("""
                delete from minqing.channel_message_due where id in (
                    select id from minqing.channel_message_due where created_at < ? and sms is not null and wechat is not null
                     order by id limit ? for update skip locked)
                returning id, case_number, event, created_at, sms, wechat
                """).params(createdBefore, limit).query(Owed.class).list());
    }

    private int render(List<Owed> owed) {
        ChannelGateways.Configured renderers = gateways.configured();
        for (Owed o : owed) {
            // a case that is gone (a process driven on its own, in tests) owes nothing; the text goes on the channels
            // the change had, whichever instance renders it
            facts(o.caseNumber()).ifPresent(f -> outbox.enqueue(f.reporter(), o.event(), o.caseNumber(), f.title(),
                    f.handler(), o.createdAt(), o.channels(renderers)));
        }
        return owed.size();
    }

    /** A public work plan took the case up: the reporter hears of it (a plan not public is for cadres only). */
    @EventListener
    void linkedToPlan(cn.minqing.plans.CaseLinkedToPlan linked) {
        if (!linked.planIsPublic()) {
            return;
        }
        facts(linked.caseNumber()).filter(f -> f.reporter() != null)
                .ifPresent(f -> outbox.enqueue(f.reporter(), "plan-linked", linked.caseNumber(), f.title(), f.handler()));
    }

    /** 挂账 and its end: the reporter is texted (the plan and date are in the app and on the case page). */
    @EventListener
    void deferralChanged(cn.minqing.plans.CaseDeferralChanged change) {
        facts(change.caseNumber()).filter(f -> f.reporter() != null).ifPresent(f -> outbox.enqueue(f.reporter(),
                change.deferred() ? "deferred" : "resumed", change.caseNumber(), f.title(), f.handler()));
    }

    private String event(CaseStatusChanged change, Facts f) {
        return switch (change.status()) {
            case RECEIVED -> "received";
            case DISPATCHED -> dispatchEvent(change.caseNumber());
            case INVESTIGATING -> "signed"; // 签收 leads straight into 调研
            case AWAITING_FEEDBACK -> "rate";
            case SOLVED -> f.rating() == null ? "solved" : null; // rated by the reporter: they know
            case UNSOLVABLE -> "unsolvable";
            case REJECTED -> "rejected";
            case REWORK -> "reopened";
            case ANSWERED -> "answered"; // a direct answer: read it, and rate it by text
            default -> null;
        };
    }

    /** First hand-over: accepted; after a reopening: taken up again; after a return (退单): handed on. */
    private String dispatchEvent(String number) {
        List<String> kinds = jdbc.sql("""
                select e.kind from minqing.case_event e join minqing.case_record c on c.id = e.case_id
                 where c.number = ? and e.kind in ('returned', 'reopened') order by e.at desc, e.id desc limit 1
                """).param(number).query(String.class).list();
        return kinds.isEmpty() ? "accepted" : kinds.get(0).equals("reopened") ? "reopened" : "dispatched";
    }

    private Optional<Facts> facts(String number) {
        return jdbc.sql("""
                select c.title, c.reporter, coalesce(o.name, '') as handler, c.rating
                  from minqing.case_record c left join minqing.organisation o on o.code = c.handling_org
                 where c.number = ?
                """).param(number).query(Facts.class).optional();
    }
}
