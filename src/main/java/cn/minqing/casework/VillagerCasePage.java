package cn.minqing.casework;

import cn.minqing.attachments.Attachments;
import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseView;
import cn.minqing.county.Organisations;
import cn.minqing.people.CurrentUser;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case page a villager sees (templates/my/case.html): one sentence of where the case is and by when, the steps
 * done and ahead, the handler's organisation with its phone, the log in plain sentences, photos, the rating when
 * the case waits for it, reopening when closed. No cadre controls, no counters, no user names, no codes.
 */
@Component
class VillagerCasePage {

    private final CaseProgress progress;
    private final Casework casework;
    private final Attachments attachments;
    private final Organisations organisations;
    private final MessageSource messages;
    private final int reopenDays;
    private final ZoneId zone;

    VillagerCasePage(CaseProgress progress, Casework casework, Attachments attachments, Organisations organisations,
                     MessageSource messages, @Value("${minqing.casework.reopen-days:30}") int reopenDays,
                     @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.progress = progress;
        this.casework = casework;
        this.attachments = attachments;
        this.organisations = organisations;
        this.messages = messages;
        this.reopenDays = reopenDays;
        this.zone = ZoneId.of(zone);
    }

    String show(String number, CurrentUser me, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        CaseProgress.Progress p = progress.of(number, me);
        CaseView c = p.view();
        String village = p.steps().stream().filter(s -> s.stage().equals("accept")).map(ProgressStep::holder)
                .filter(h -> h != null).findFirst().orElse(c.villageName());
        model.addAttribute("me", me);
        model.addAttribute("c", c);
        model.addAttribute("steps", p.steps());
        model.addAttribute("now", sentence(c, p.current(), locale));
        model.addAttribute("handler", p.holderCode() == null ? null : organisations.find(p.holderCode()).orElse(null));
        model.addAttribute("phone", p.holderCode() == null ? null : organisations.phoneOf(p.holderCode()).orElse(null));
        model.addAttribute("log", new PlainLog(messages, locale).of(c, me, village, approvers(p)));
        model.addAttribute("attachments", attachments.of(number, me));
        model.addAttribute("rateTask", casework.tasksFor(me, TaskFilter.ofCase(number)).stream()
                .filter(t -> t.stage().equals(Stage.FEEDBACK.code()) || t.stage().equals(Stage.RATE_ANSWER.code()))
                .findFirst().orElse(null));
        model.addAttribute("mayReopen", mayReopen(c));
        return "my/case";
    }

    /** "石门镇人民政府正在办理，预计12月11日前办好": where the case is and by when, or how it ended. */
    private String sentence(CaseView c, ProgressStep current, Locale locale) {
        if (current == null) {
            String note = c.outcomeNote() == null ? "" : c.outcomeNote();
            return messages.getMessage("my.now." + c.status(), new Object[] {note}, c.statusName(), locale);
        }
        String family = switch (current.stage()) {
            case "sign", "investigate", "design", "implement" -> "handling";
            default -> current.stage();
        };
        OffsetDateTime due = switch (family) {
            case "accept" -> current.due();
            case "handling", "approve" -> c.handling().resolveDue();
            default -> null;
        };
        String when = due == null ? "" : due.isBefore(CaseClock.now()) ? ".late" : ".due";
        return messages.getMessage("my.now." + family + when, new Object[] {current.holder(), day(due, locale)}, locale);
    }

    private String day(OffsetDateTime at, Locale locale) {
        return at == null ? "" : at.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofPattern(messages.getMessage("my.date", null, locale), locale));
    }

    private static String approvers(CaseProgress.Progress p) {
        return p.steps().stream().filter(s -> s.stage().equals("approve")).map(ProgressStep::holder).findFirst().orElse("");
    }

    private boolean mayReopen(CaseView c) {
        boolean handled = c.status().equals("solved") || c.status().equals("unsolvable") || c.status().equals("answered");
        return handled && c.closedAt() != null && c.closedAt().plusDays(reopenDays).isAfter(CaseClock.now());
    }
}
