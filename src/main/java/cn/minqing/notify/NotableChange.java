package cn.minqing.notify;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.CaseStatusChanged;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which changes of a case a villager hears of, and in what words (zh-CN, stored as sent). The stages in between
 * (签收, 调研, 方案, 审批, 实施, 核实) are on the case page, not in messages. On an anonymous case the supporters get
 * no reasons: a cadre's reason might name the reporter.
 */
@Component
class NotableChange {

    /** The texts for the reporter and for the supporters; either may be null (not told). */
    record Messages(String toReporter, String toSupporters) {
    }

    private record Facts(String title, boolean anonymous, String handler, String outcomeNote) {
    }

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final java.time.ZoneId COUNTY = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日");
    private final JdbcClient jdbc;
    private final MessageSource messages;

    NotableChange(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    Optional<Messages> messages(CaseStatusChanged change) {
        CaseStatus status = change.status();
        String key = switch (status) {
            case DISPATCHED -> dispatchKey(change.caseNumber());
            case AWAITING_FEEDBACK -> "notify.feedback";
            case REWORK -> "notify.rework";
            case SOLVED -> "notify.solved";
            case UNSOLVABLE -> "notify.unsolvable";
            case REJECTED -> "notify.rejected";
            case MERGED -> "notify.merged";
            case ANSWERED -> "notify.answered";
            default -> null;
        };
        Facts f = key == null ? null : facts(change.caseNumber()).orElse(null);
        if (f == null) {
            return Optional.empty(); // nothing to tell, or no such case (a process driven on its own, in tests)
        }
        String note = f.outcomeNote() == null || f.outcomeNote().isBlank() ? null : f.outcomeNote().strip();
        String reason = note == null ? "" : text(status == CaseStatus.MERGED ? "notify.mergedInto"
                : status == CaseStatus.ANSWERED ? "notify.answer" : "notify.reason", note);
        String toReporter = status == CaseStatus.SOLVED ? null // the reporter rated it (or let the time pass)
                : text("notify.yours.reported") + text(key, f.title(), f.handler(), reason);
        String toSupporters = status == CaseStatus.AWAITING_FEEDBACK ? null
                : text("notify.yours.supported") + text(key, f.title(), f.handler(), f.anonymous() ? "" : reason);
        return Optional.of(new Messages(toReporter, toSupporters));
    }

    /**
     * 挂账: the case waits for a work plan until a date, or came back. The plan is named only when it is public; no
     * cadre is named (the villager sees on the case page what they see here).
     */
    Optional<Messages> deferral(cn.minqing.plans.CaseDeferralChanged change) {
        Facts f = facts(change.caseNumber()).orElse(null);
        if (f == null) {
            return Optional.empty();
        }
        String plan = change.publicPlanTitle() == null ? "" : "《" + change.publicPlanTitle() + "》";
        String what = change.deferred()
                ? text("notify.deferred", f.title(), plan, change.until().atZoneSameInstant(COUNTY).format(DAY))
                : text("notify.deferralEnded", f.title(), plan.isEmpty() ? "" : text("notify.deferralEndedPlan", plan));
        return Optional.of(new Messages(clip(text("notify.yours.reported") + what), clip(text("notify.yours.supported") + what)));
    }

    /** The notification's text column holds 200 characters; long titles are cut with "…". */
    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    /** First hand-over: accepted; after a reopening: taken up again; after a return (退单): handed on. */
    private String dispatchKey(String number) {
        List<String> kinds = jdbc.sql("""
                select e.kind from minqing.case_event e join minqing.case_record c on c.id = e.case_id
                 where c.number = ? and e.kind in ('returned', 'reopened', 'dispatched', 'redispatched', 'centre-takes')
                 order by e.at desc, e.id desc
                """).param(number).query(String.class).list();
        if (!kinds.contains("returned") && !kinds.contains("reopened")) {
            return "notify.accepted";
        }
        String before = kinds.stream().filter(k -> k.equals("returned") || k.equals("reopened")).findFirst().orElse("");
        return before.equals("reopened") ? "notify.reopened" : "notify.dispatched";
    }

    private Optional<Facts> facts(String number) {
        return jdbc.sql("""
                select c.title, c.anonymous, coalesce(o.name, '') as handler, c.outcome_note
                  from minqing.case_record c left join minqing.organisation o on o.code = c.handling_org
                 where c.number = ?
                """).param(number).query(Facts.class).optional();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }
}
