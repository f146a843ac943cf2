package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import cn.minqing.people.UserAccounts;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the channel outbox. Each due row is checked again at sending: the person may have opted out since (the row
 * ends as opted-out), it may be their quiet hours (it waits until they end), they may have had their daily cap
 * (capped). A 5xx, a timeout or an unreachable gateway is tried again after 30 s, 1 min, 2 min ... up to an hour,
 * each time with the same id; after the last try the row fails. A row still unsent {@code give-up-after} (48 h) after
 * the change it tells of — a channel no instance serves any more, a gateway down for days — ends as expired, with an
 * "expired" try, instead of waiting for ever: the news is stale by then. Numbers are looked up here and never logged.
 */
@Component
class ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(ChannelSender.class);
    private static final int BATCH = 50;

    private final CaseMessages messages;
    private final ChannelOutbox outbox;
    private final ChannelChoices choices;
    private final ChannelGateways gateways;
    private final UserAccounts accounts;
    private final WechatBindings bindings;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final ZoneId county;
    private final boolean enabled;
    private final int dailyCap;
    /**
     * Texts that ask the villager for an answer (the rating request, 请回复1满意…) are never capped: capped, the case
     * would wait out its feedback time unrated because of notices (plans taking the case in, stages) sent before it.
     */
    static final java.util.Set<String> ANSWER_WANTED = java.util.Set.of("rate");
    private final int maxAttempts;
    private final Duration retryBase;
    private final Duration retryMax;
    private final int leaseSeconds;
    private final Duration giveUpAfter;

    ChannelSender(CaseMessages messages, ChannelOutbox outbox, ChannelChoices choices, ChannelGateways gateways, UserAccounts accounts,
                  WechatBindings bindings, TransactionTemplate tx, ObjectMapper json, Clock clock,
                  @Value("${minqing.channels.sender-enabled:true}") boolean enabled,
                  @Value("${minqing.channels.daily-cap:8}") int dailyCap,
                  @Value("${minqing.channels.max-attempts:8}") int maxAttempts,
                  @Value("${minqing.channels.retry-base:30s}") Duration retryBase,
                  @Value("${minqing.channels.retry-max:1h}") Duration retryMax,
                  @Value("${minqing.channels.lease:2m}") Duration lease,
                  @Value("${minqing.channels.give-up-after:48h}") Duration giveUpAfter) {
        this.messages = messages;
        this.outbox = outbox;
        this.choices = choices;
        this.gateways = gateways;
        this.accounts = accounts;
        this.bindings = bindings;
        this.tx = tx;
        this.json = json;
        this.county = clock.getZone();
        this.enabled = enabled;
        this.dailyCap = dailyCap;
        this.maxAttempts = maxAttempts;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.leaseSeconds = (int) Math.max(lease.toSeconds(), 10);
        this.giveUpAfter = giveUpAfter;
    }

    @Scheduled(fixedDelayString = "${minqing.channels.poll-ms:2000}", initialDelay = 5000)
    void poll() {
        if (enabled) {
            sendDue();
        }
    }

    /**
     * Sends what is due now, batch by batch, after turning the messages owed by committed changes into rows (on the
     * channels set up where each was owed; an instance without any gateway leaves them to one with); returns how many
     * outbox rows were taken up.
     */
    int sendDue() {
        try {
            renderOwed();
        } catch (RuntimeException e) {
            // the owed rows stay for the next pass; what is already queued (rating requests, status texts) goes now
            log.warn("owed channel messages not rendered this pass: {}", e.getClass().getSimpleName());
        }
        OffsetDateTime now = CaseClock.now();
        try {
            expire(now);
        } catch (RuntimeException e) {
            log.warn("stale channel messages not expired this pass: {}", e.getClass().getSimpleName());
        }
        int taken = 0;
        for (int batch = 0; batch < 20; batch++) {
            var due = tx.execute(s -> outbox.claim(now, BATCH, leaseSeconds));
            for (ChannelOutbox.Due m : due) {
                try {
                    send(m, now);
                } catch (RuntimeException e) {
                    log.warn("channel message {} not sent: {}", m.id(), e.getClass().getSimpleName());
                }
            }
            taken += due.size();
            if (due.size() < BATCH) {
                break;
            }
        }
        return taken;
    }

    /**
     * Ends the rows still unsent {@code give-up-after} after the change they tell of, on every channel, whether or not
     * this instance can send it (a channel nobody serves is where they pile up); returns how many.
     */
    int expire(OffsetDateTime now) {
        String detail = "not sent within " + giveUpAfter.toHours() + " h";
        int expired = 0;
        for (int batch = 0; batch < 20; batch++) {
            Integer done = tx.execute(s -> outbox.expire(now, now.minus(giveUpAfter), BATCH * 10, detail));
            expired += done == null ? 0 : done;
            if (done == null || done < BATCH * 10) {
                break;
            }
        }
        if (expired > 0) {
            log.warn("{} channel message(s) not sent within {} h expired (minqing.channels.give-up-after)", expired, giveUpAfter.toHours());
        }
        return expired;
    }

    /** Turns the messages owed by committed changes into outbox rows, batch by batch; returns how many. */
    int renderOwed() {
        // without a gateway here, only the messages owed too long to be sent anywhere: to be ended as expired
        boolean none = !gateways.smsConfigured() && !gateways.wechatConfigured();
        OffsetDateTime stale = CaseClock.now().minus(giveUpAfter);
        int rendered = 0;
        for (int batch = 0; batch < 20; batch++) {
            Integer done = tx.execute(s -> none ? messages.renderStaleOwed(BATCH, stale) : messages.renderOwed(BATCH));
            rendered += done == null ? 0 : done;
            if (done == null || done < BATCH) {
                break;
            }
        }
        return rendered;
    }

    private void send(ChannelOutbox.Due m, OffsetDateTime now) {
        ChannelChoice choice = choices.of(m.username());
        boolean chosen = m.channel().equals("sms") ? Boolean.TRUE.equals(choice.sms()) : Boolean.TRUE.equals(choice.wechat());
        ZonedDateTime local = now.atZoneSameInstant(county);
        if (!chosen) {
            tx.executeWithoutResult(s -> outbox.end(m.id(), now, "opted-out", null, "opted out"));
        } else if (choice.isQuiet(local.toLocalTime())) {
            tx.executeWithoutResult(s -> outbox.defer(m.id(), quietEnd(local, choice)));
        } else if (!ANSWER_WANTED.contains(m.event())
                && outbox.sentSince(m.username(), m.channel(), local.toLocalDate().atStartOfDay(county).toOffsetDateTime()) >= dailyCap) {
            tx.executeWithoutResult(s -> outbox.end(m.id(), now, "capped", null, "daily cap " + dailyCap));
        } else {
            Optional<String> address = m.channel().equals("sms") ? accounts.phoneOf(m.username()) : bindings.openIdOf(m.username());
            if (address.isEmpty()) {
                tx.executeWithoutResult(s -> outbox.end(m.id(), now, "no-address", null, "no number or WeChat"));
                return;
            }
            GatewayAnswer answer = hand(m, new Outgoing(m.id(), address.get(), m.template(), params(m), m.text()));
            tx.executeWithoutResult(s -> record(m, now, answer));
        }
    }

    private GatewayAnswer hand(ChannelOutbox.Due m, Outgoing text) {
        if (m.channel().equals("sms")) {
            return gateways.sms().map(g -> g.send(text)).orElse(GatewayAnswer.refused("SMS not configured"));
        }
        return gateways.wechat().map(w -> w.sendTemplate(text)).orElse(GatewayAnswer.refused("WeChat not configured"));
    }

    private void record(ChannelOutbox.Due m, OffsetDateTime now, GatewayAnswer answer) {
        switch (answer.kind()) {
            case ACCEPTED -> outbox.accepted(m.id(), now, answer.detail());
            case REFUSED -> outbox.end(m.id(), now, "failed", "refused", answer.detail());
            case RETRY -> {
                String outcome = answer.detail().equals("timeout") ? "timeout" : "error";
                if (m.attempts() + 1 >= maxAttempts) {
                    outbox.end(m.id(), now, "failed", outcome, answer.detail());
                } else {
                    outbox.retryAt(m.id(), now, now.plus(backoff(m.attempts() + 1)), outcome, answer.detail());
                }
            }
        }
    }

    /** After the n-th failed try: base, 2 base, 4 base ... at most the maximum. */
    Duration backoff(int tries) {
        Duration d = retryBase.multipliedBy(1L << Math.min(tries - 1, 20));
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    private static OffsetDateTime quietEnd(ZonedDateTime local, ChannelChoice choice) {
        ZonedDateTime end = local.with(choice.quietUntil());
        return (end.isAfter(local) ? end : end.plusDays(1)).toOffsetDateTime();
    }

    private Map<String, String> params(ChannelOutbox.Due m) {
        try {
            return json.readValue(m.params(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
