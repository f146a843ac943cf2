package cn.minqing.plans;

import cn.minqing.county.Categories;
import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldMessages;
import cn.minqing.platform.web.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The leaders' and cadres' plan pages: the list, one plan with its effect, cases and progress, the form to start one. */
@Controller
class PlanPages {

    private final WorkPlans plans;
    private final PlanPageModel pageModel;
    private final PlanAccess access;
    private final Regions regions;
    private final Categories categories;
    private final Organisations organisations;
    private final MessageSource messages;
    private final PartyMemberAssignees partyMembers;

    PlanPages(WorkPlans plans, PlanPageModel pageModel, PlanAccess access, Regions regions, Categories categories,
              Organisations organisations, MessageSource messages, PartyMemberAssignees partyMembers) {
        this.partyMembers = partyMembers;
        this.plans = plans;
        this.pageModel = pageModel;
        this.access = access;
        this.regions = regions;
        this.categories = categories;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/plans")
    String list(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String status, Model model) {
        if (me.user().isVillagerOnly()) {
            return "redirect:/my/plans";
        }
        model.addAttribute("me", me.user());
        model.addAttribute("plans", plans.list(null, status, me.user()));
        model.addAttribute("mayStart", access.mayStartPlans(me.user()));
        return "plans/list";
    }

    @GetMapping("/plans/{id}")
    String plan(@AuthenticationPrincipal Principal me, @PathVariable long id, Model model) {
        if (me.user().isVillagerOnly()) {
            return "redirect:/my/plans/" + id;
        }
        pageModel.fill(id, me.user(), model);
        return "plans/plan";
    }

    /** The form, prefilled from a finding: {@code source}, {@code region}, {@code category}, {@code q}. */
    @GetMapping("/plans/new")
    String form(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String source,
                @RequestParam(required = false) String region, @RequestParam(required = false) String category,
                @RequestParam(required = false) String q, Model model) {
        mayStart(me.user());
        String scope = region == null || region.isBlank() ? me.user().scopeRegion() : region;
        return form(me.user(), PlanForm.of(source, scope, category, q), List.of(), model);
    }

    @PostMapping("/plans")
    String start(@AuthenticationPrincipal Principal me, @ModelAttribute PlanForm form, Model model, Locale locale) {
        mayStart(me.user());
        try {
            return "redirect:/plans/" + plans.start(form.request(), me.user()).id();
        } catch (InvalidInputException e) {
            return form(me.user(), form, e.problems().stream().map(p -> FieldMessages.of(messages, p, locale)).toList(), model);
        } catch (ApiException e) {
            return form(me.user(), form, List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)), model);
        }
    }

    private String form(CurrentUser me, PlanForm form, List<String> errors, Model model) {
        String scope = me.is(Role.ADMIN) || me.scopeRegion() == null ? "" : me.scopeRegion();
        model.addAttribute("me", me);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.isEmpty() ? null : errors);
        model.addAttribute("regions", regions.allWithin(scope).stream().filter(r -> !r.level().equals("village") || r.code().equals(form.region())).toList());
        model.addAttribute("categories", categories.all());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("indicators", pageModel.indicators());
        model.addAttribute("branches", partyMembers.choicesFor(me)); // 党支部 and their party members in the leader's region
        return "plans/new";
    }

    private void mayStart(CurrentUser user) {
        if (!access.mayStartPlans(user)) {
            throw ApiException.forbidden("plan.forbidden");
        }
    }
}
