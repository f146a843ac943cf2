package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The channel outbox (outbound_message): a row per message and channel, written in the transaction of the change it
 * tells of, sent later by {@link ChannelSender}. Each row's id is the idempotency key the gateway receives.
 */
@Repository
class ChannelOutbox {

    /** A row due for sending. */
    record Due(UUID id, String username, String channel, String event, String template, String params, String text,
               int attempts) {
    }

    private final JdbcClient jdbc;
    private final ChannelChoices choices;
    private final MessageTemplates templates;
    private final ChannelGateways gateways;
    private final WechatBindings bindings;
    private final ObjectMapper json;

    ChannelOutbox(JdbcClient jdbc, ChannelChoices choices, MessageTemplates templates, ChannelGateways gateways,
                  WechatBindings bindings, ObjectMapper json) {
        this.jdbc = jdbc;
        this.choices = choices;
        this.templates = templates;
        this.gateways = gateways;
        this.bindings = bindings;
        this.json = json;
    }

    /** Queues the event's message on each channel the person chose and that is set up; nothing when none. */
    void enqueue(String username, String event, String caseNumber, String title, String handler) {
        enqueue(username, event, caseNumber, title, handler, CaseClock.now());
    }

    /** The same, dated {@code at}: a message owed since then takes its place in the queue (CaseMessages#renderOwed). */
    void enqueue(String username, String event, String caseNumber, String title, String handler, OffsetDateTime at) {
        enqueue(username, event, caseNumber, title, handler, at, gateways.configured());
    }

    /**
     * The same, on the channels of {@code on} (the gateways set up where the change was made, for an owed message)
     * rather than this instance's: a row of a channel this instance cannot send waits for one that can.
     */
    void enqueue(String username, String event, String caseNumber, String title, String handler, OffsetDateTime at,
                 ChannelGateways.Configured on) {
        ChannelChoice choice = choices.of(username);
        boolean sms = Boolean.TRUE.equals(choice.sms()) && on.sms();
        boolean wechat = Boolean.TRUE.equals(choice.wechat()) && on.wechat()
                && bindings.openIdOf(username).isPresent();
        if (!sms && !wechat) {
            return;
        }
        templates.fill(event, title, caseNumber, handler).ifPresent(m -> {
            if (sms) {
                insert(username, "sms", caseNumber, m.smsCode(), m, at);
            }
            if (wechat) {
                insert(username, "wechat", caseNumber, m.wechatCode() != null ? m.wechatCode() : m.smsCode(), m, at);
            }
        });
    }

    private void insert(String username, String channel, String caseNumber, String template, MessageTemplates.Filled m,
                        OffsetDateTime now) {
        jdbc.sql("""
                insert into minqing.outbound_message (id, username, channel, event, case_number, template, params, text,
                    next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                """).params(UUID.randomUUID(), username, channel, m.event(), caseNumber, template, toJson(m.params()),
                        m.text(), now, now).update();
    }

    /**
     * Takes up to {@code limit} due rows and leases them for {@code leaseSeconds}: another sender skips them, and a
     * sender that dies mid-send leaves them to be tried again (with the same id) when the lease ends.
     */
    /**
     * Takes up to {@code limit} due messages of the channels this instance can send (an instance whose gateway for
     * a channel is not configured, say during a rolling change of settings, leaves that channel's messages to one
     * that is), leased for {@code leaseSeconds}.
     */
    List<Due> claim(OffsetDateTime now, int limit, int leaseSeconds) {
        List<String> channels = new java.util.ArrayList<>();
        if (gateways.smsConfigured()) {
            channels.add("sms");
        }
        if (gateways.wechatConfigured()) {
            channels.add("wechat");
        }
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update minqing.outbound_message m set next_attempt_at = ? from (
                    select id from minqing.outbound_message where status = 'pending' and next_attempt_at <= ?
                       and channel = any(?::varchar[])
                     order by next_attempt_at limit ? for update skip locked) due
                 where m.id = due.id
                returning m.id, m.username, m.channel, m.event, m.template, m.params::text as params, m.text, m.attempts
                """).params(now.plusSeconds(leaseSeconds), now, "{" + String.join(",", channels) + "}", limit)
                .query(Due.class).list();
    }

    /** How many messages of a channel the person was sent since {@code since}. */
    int sentSince(String username, String channel, OffsetDateTime since) {
        return jdbc.sql("""
                select count(*) from minqing.outbound_message
                 where username = ? and channel = ? and accepted_at is not null and accepted_at >= ?
                """).params(username, channel, since).query(Integer.class).single();
    }

    void accepted(UUID id, OffsetDateTime at, String detail) {
        jdbc.sql("update minqing.outbound_message set status = 'accepted', accepted_at = ?, attempts = attempts + 1, last_error = null where id = ? and status = 'pending'")
                .params(at, id).update();
        attempt(id, at, "accepted", detail);
    }

    void retryAt(UUID id, OffsetDateTime at, OffsetDateTime next, String outcome, String detail) {
        jdbc.sql("update minqing.outbound_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(next, clip(detail), id).update();
        attempt(id, at, outcome, detail);
    }

    /** Ends a row without sending: failed (after its tries), opted-out, capped, no-address. */
    void end(UUID id, OffsetDateTime at, String status, String outcome, String detail) {
        jdbc.sql("update minqing.outbound_message set status = ?, last_error = ?, attempts = attempts + case when cast(? as varchar) is null then 0 else 1 end where id = ?")
                .params(status, clip(detail), outcome, id).update();
        if (outcome != null) {
            attempt(id, at, outcome, detail);
        }
    }

    /**
     * Ends up to {@code limit} pending rows created before {@code createdBefore} as expired, each with an "expired" try;
     * only rows that are due (not leased to a sender mid-send, nor waiting out a retry or quiet hours, which they are
     * left to finish). Returns how many.
     */
    int expire(OffsetDateTime now, OffsetDateTime createdBefore, int limit, String detail) {
        return jdbc.sql("""
                with gone as (
                    update minqing.outbound_message m set status = 'expired', last_error = ?
                      from (select id from minqing.outbound_message
                             where status = 'pending' and next_attempt_at <= ? and created_at < ?
                             order by next_attempt_at limit ? for update skip locked) old
                     where m.id = old.id
                    returning m.id)
                insert into minqing.outbound_attempt (message_id, at, outcome, detail) select id, ?, 'expired', ? from gone
                """).params(clip(detail), now, createdBefore, limit, now, clip(detail)).update();
    }

    /** Quiet hours: the row waits, no try is counted. */
    void defer(UUID id, OffsetDateTime until) {
        jdbc.sql("update minqing.outbound_message set next_attempt_at = ? where id = ?").params(until, id).update();
    }

    /** A delivery receipt from the gateway; false when the id is not one of ours. */
    boolean receipt(UUID id, boolean delivered, OffsetDateTime at, String detail) {
        int n = jdbc.sql("""
                update minqing.outbound_message set status = ?, delivered_at = case when ? then ? else delivered_at end,
                       accepted_at = coalesce(accepted_at, ?)
                 where id = ? and status in ('pending', 'accepted', 'delivered', 'undelivered')
                """).params(delivered ? "delivered" : "undelivered", delivered, at, at, id).update();
        if (n > 0) {
            attempt(id, at, "receipt", (delivered ? "delivered" : "undelivered") + (detail == null ? "" : " " + detail));
        }
        return n > 0;
    }

    private void attempt(UUID id, OffsetDateTime at, String outcome, String detail) {
        jdbc.sql("insert into minqing.outbound_attempt (message_id, at, outcome, detail) values (?, ?, ?, ?)")
                .params(id, at, outcome, clip(detail)).update();
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private String toJson(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
