package cn.minqing.plans;

import cn.minqing.people.Principal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 为民办实事 公示: the public plans that reach a villager's village, with their milestones and progress, on the phone.
 * A villager sees only public plans of their region (PlanAccess); the linked cases are counted, never listed.
 */
@Controller
class PublicPlanPages {

    private final WorkPlans plans;
    private final PlanPageModel pageModel;

    PublicPlanPages(WorkPlans plans, PlanPageModel pageModel) {
        this.plans = plans;
        this.pageModel = pageModel;
    }

    @GetMapping("/my/plans")
    String list(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("plans", plans.list(null, null, me.user()).stream().filter(PlanView::isPublic).toList());
        return "plans/public-list";
    }

    @GetMapping("/my/plans/{id}")
    String plan(@AuthenticationPrincipal Principal me, @PathVariable long id, Model model) {
        PlanView p = plans.get(id, me.user());
        if (!p.isPublic()) {
            throw cn.minqing.platform.web.ApiException.notFound("plan.notFound", id);
        }
        model.addAttribute("me", me.user());
        model.addAttribute("p", p);
        model.addAttribute("reports", pageModel.publicReportsBySeq(id)); // progress only, never the leaders' 督办 words
        return "plans/public-plan";
    }
}
