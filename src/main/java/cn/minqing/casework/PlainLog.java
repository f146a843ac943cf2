package cn.minqing.casework;

import cn.minqing.cases.CaseView;
import cn.minqing.cases.TimelineEntry;
import cn.minqing.people.CurrentUser;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;

/**
 * A case's timeline told to its reporter in plain sentences ({@code my.log.<kind>}): who acted is named by their
 * organisation (the village committee, the handling organisation, the county's leaders), never by a person; what
 * a cadre wrote is "办理人说：…", what the villager wrote "您说：…". Internal steps (claims, yellow flags, moved
 * deadlines, a leader's supervision note) are left out.
 */
final class PlainLog {

    /** One line of the log; {@code saying} is a note with who said it, or null. */
    record Line(OffsetDateTime at, String text, String saying) {
    }

    /** Kinds whose note is a cadre's words worth showing. */
    private static final Set<String> SAYS = Set.of("accepted", "rejected", "returned", "investigated", "designed",
            "approved", "approval-rejected", "implemented", "verified", "note", "answered", "recategorised");
    private static final String DISPATCH_NOTE = "派至 ";

    private final MessageSource messages;
    private final Locale locale;

    PlainLog(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** {@code village}: the village committee's name; {@code leaders}: the county's leaders, by name. */
    List<Line> of(CaseView c, CurrentUser me, String village, String leaders) {
        List<Line> lines = new ArrayList<>();
        String handler = null;
        for (TimelineEntry e : c.timeline()) {
            boolean mine = me.username().equals(e.actor());
            boolean system = "system".equals(e.actor());
            if (e.kind().matches("dispatched|redispatched|centre-takes")) {
                if (!system || e.note() == null || !e.note().startsWith(DISPATCH_NOTE)) {
                    continue; // the dispatcher's own entry; the system's names the organisation
                }
                handler = e.note().substring(DISPATCH_NOTE.length());
            }
            String holder = switch (e.kind()) {
                case "accepted", "rejected", "merged", "verified" -> village;
                case "approved", "approval-rejected" -> leaders;
                default -> handler == null ? village : handler;
            };
            String key = key(e, mine);
            String text = key == null ? null : messages.getMessage(key, new Object[] {holder, e.note()}, null, locale);
            if (text != null) {
                lines.add(new Line(e.at(), text, saying(e, mine, system)));
            }
        }
        return lines;
    }

    private static String key(TimelineEntry e, boolean mine) {
        return switch (e.kind()) {
            case "filed" -> e.note() != null && e.note().startsWith("代办") ? "my.log.filed-on-behalf" : "my.log.filed";
            case "attachment" -> "my.log.attachment." + (mine ? "mine." : "") + e.note(); // photo, video or audio
            case "note" -> mine ? "my.log.note.mine" : "my.log.note";
            default -> "my.log." + e.kind(); // unknown kinds have no sentence and are left out
        };
    }

    private String saying(TimelineEntry e, boolean mine, boolean system) {
        if (e.note() == null || e.note().isBlank() || system) {
            return null;
        }
        if (mine && (e.kind().equals("rated") || e.kind().equals("reopened") || e.kind().equals("note"))) {
            return messages.getMessage("my.log.youSaid", new Object[] {e.note()}, locale);
        }
        if (!mine && SAYS.contains(e.kind())) {
            return messages.getMessage("my.log.handlerSaid", new Object[] {e.note()}, locale);
        }
        return null;
    }
}
