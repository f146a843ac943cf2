package cn.minqing.plans;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldMessages;
import cn.minqing.platform.web.InvalidInputException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 挂账 from the workbench: the case page links here; the form lists the open plans that reach the case's village
 * (those it is linked to first), a planned date and the reason — the same checks as
 * {@code POST /api/cases/{number}/deferral}, every wrong field named, nothing stored.
 */
@Controller
class DeferralPages {

    private final Deferrals deferrals;
    private final Cases cases;
    private final CaseViews views;
    private final Plans plans;
    private final PlanAccess access;
    private final MessageSource messages;
    private final DeferralDates dates;

    DeferralPages(Deferrals deferrals, Cases cases, CaseViews views, Plans plans, PlanAccess access,
                  MessageSource messages, DeferralDates dates) {
        this.dates = dates;
        this.deferrals = deferrals;
        this.cases = cases;
        this.views = views;
        this.plans = plans;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/plans/deferral")
    String form(@AuthenticationPrincipal Principal me, @RequestParam("case") String number, Model model) {
        return show(me.user(), number, new DeferralRequest(null, null, null), model);
    }

    @PostMapping("/plans/deferral")
    String defer(@AuthenticationPrincipal Principal me, @RequestParam("case") String number,
                 @RequestParam(required = false) String plan, @RequestParam(required = false) String until,
                 @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                 Locale locale, jakarta.servlet.http.HttpServletResponse response) {
        Long planId = plan == null || !plan.strip().matches("\\d{1,18}") ? null : Long.valueOf(plan.strip());
        DeferralRequest form = new DeferralRequest(planId, until, reason);
        try {
            Deferral d = deferrals.defer(number, form, me.user());
            redirect.addFlashAttribute("done", messages.getMessage("deferral.ui.done",
                    new Object[] {d.planTitle(), dates.day(d.until()).toString()}, locale));
            return "redirect:/workbench/cases/" + number;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream().map(p -> FieldMessages.of(messages, p, locale)).toList());
            model.addAttribute("wrong", e.problems().stream().map(p -> p.field()).toList());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            model.addAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
            response.setStatus(e.status().value());
        }
        return show(me.user(), number, form, model);
    }

    private String show(CurrentUser user, String number, DeferralRequest form, Model model) {
        CaseRecord c = cases.find(number).filter(r -> views.mayView(r, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        List<Long> linked = plans.ofCase(number).stream().map(PlanRow::id).toList();
        List<PlanRow> open = plans.open().stream()
                .filter(p -> p.status() != PlanStatus.EVALUATED && access.mayRead(p, user)
                        && access.within(c.villageCode(), p.region()))
                .sorted(Comparator.comparing((PlanRow p) -> !linked.contains(p.id())).thenComparing(PlanRow::id))
                .toList();
        model.addAttribute("c", c);
        model.addAttribute("options", open);
        model.addAttribute("form", form);
        model.addAttribute("mayDefer", deferrals.mayHandle(user, c) && c.handling().deferredUntil() == null);
        return "plans/deferral";
    }
}
