package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.Timeline;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A text a villager sent in. Matched to an account by its number. "1", "2" or "3" from the person asked to rate a
 * case rates it (满意/基本满意/不满意) through the stage's own rules, so 不满意 starts rework as on the page; any other
 * reply goes on the timeline of the case they were asked about, or of their latest open case, as a message for the
 * handler; with no open case it is kept for the handler. A number no account has changes nothing. Each gateway id
 * counts once.
 */
@Service
class InboundTexts {

    private static final Map<String, String> RATINGS = Map.of("1", "satisfied", "2", "basically", "3", "dissatisfied");

    private final JdbcClient jdbc;
    private final RatingRequests ratingRequests;
    private final TextRating rating;
    private final Timeline timeline;

    InboundTexts(JdbcClient jdbc, RatingRequests ratingRequests, TextRating rating, Timeline timeline) {
        this.jdbc = jdbc;
        this.ratingRequests = ratingRequests;
        this.rating = rating;
        this.timeline = timeline;
    }

    @Transactional
    String receive(String id, String from, String text) {
        String words = text.strip();
        Optional<String> sender = senderOf(from);
        int fresh = jdbc.sql("""
                insert into minqing.inbound_text (id, username, text, received_at, handled_as) values (?, ?, ?, ?, 'unknown')
                on conflict (id) do nothing
                """).params(id, sender.orElse(null), words, CaseClock.now()).update();
        if (fresh == 0) {
            return "duplicate";
        }
        if (sender.isEmpty()) {
            return "unknown";
        }
        String username = sender.get();
        Optional<String> pending = ratingRequests.pendingOf(username);
        String choice = RATINGS.get(words);
        if (choice != null && pending.isPresent() && rating.rate(pending.get(), username, choice)) {
            return handled(id, "rating", pending.get());
        }
        Optional<String> toCase = pending.or(() -> latestOpenCase(username));
        if (toCase.isEmpty()) {
            return handled(id, "kept", null);
        }
        timeline.record(toCase.get(), username, "note", null, "短信回复：" + words);
        return handled(id, "message", toCase.get());
    }

    private String handled(String id, String how, String caseNumber) {
        jdbc.sql("update minqing.inbound_text set handled_as = ?, case_number = ? where id = ?").params(how, caseNumber, id).update();
        return how;
    }

    /** The account with this mobile number; "+86" and separators are ignored. */
    private Optional<String> senderOf(String from) {
        String digits = from.replaceAll("[\\s-]", "").replaceFirst("^(\\+|00)86", "");
        if (!digits.matches("1\\d{10}")) {
            return Optional.empty();
        }
        return jdbc.sql("select username from minqing.app_user where phone = ? and enabled").param(digits)
                .query(String.class).optional();
    }

    private Optional<String> latestOpenCase(String username) {
        return jdbc.sql("""
                select number from minqing.case_record where reporter = ? and closed_at is null
                 order by created_at desc, id desc limit 1
                """).param(username).query(String.class).optional();
    }
}
