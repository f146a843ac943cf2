package cn.minqing.households;

import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 走访周期: the admin's screen of the household tags and how often each is visited, in calendar or working days. */
@Controller
class VisitSchedulePageController {

    private final HouseholdTags tags;
    private final VisitSchedules schedules;
    private final MessageSource messages;

    VisitSchedulePageController(HouseholdTags tags, VisitSchedules schedules, MessageSource messages) {
        this.tags = tags;
        this.schedules = schedules;
        this.messages = messages;
    }

    @GetMapping("/admin/household-tags")
    String page(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("tags", tags.all());
        return "admin/household-tags";
    }

    @PostMapping("/admin/household-tags/{code}")
    String change(@AuthenticationPrincipal Principal me, @PathVariable String code, @RequestParam String visitIntervalDays,
                  @RequestParam String intervalUnit, Locale locale, RedirectAttributes redirect) {
        try {
            HouseholdTag t = schedules.change(code, new VisitSchedules.Schedule(days(visitIntervalDays), intervalUnit),
                    me.user());
            redirect.addFlashAttribute("done", messages.getMessage("ui.visitSchedules.saved", new Object[] {t.name()}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).toList());
        } catch (ApiException e) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
        }
        return "redirect:/admin/household-tags";
    }

    /** A number typed in the form; anything else is refused by the schedule's own check. */
    private static Integer days(String s) {
        return s != null && s.strip().matches("\\d{1,4}") ? Integer.valueOf(s.strip()) : null;
    }
}
