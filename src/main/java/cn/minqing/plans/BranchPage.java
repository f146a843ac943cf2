package cn.minqing.plans;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 党支部 plan figures as a page: per branch one may see, the plans it owns and its party members' milestones; for
 * cadres, leaders and admins each member's share too. Villagers have 为民办实事 instead.
 */
@Controller
class BranchPage {

    private final BranchFigures figures;

    BranchPage(BranchFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/plans/branches")
    String branches(@AuthenticationPrincipal Principal me, Model model) {
        CurrentUser user = me.user();
        if (user.isVillagerOnly()) {
            return "redirect:/my/plans";
        }
        List<BranchFigures.Figure> shown = figures.of(user);
        boolean staff = user.is(Role.ADMIN) || user.is(Role.CADRE) || user.is(Role.LEADER);
        Map<String, List<BranchFigures.MemberFigure>> members = staff
                ? figures.members(shown.stream().map(BranchFigures.Figure::code).toList()).stream()
                        .collect(Collectors.groupingBy(BranchFigures.MemberFigure::branch))
                : Map.of();
        model.addAttribute("me", user);
        model.addAttribute("branches", shown);
        model.addAttribute("members", members);
        return "plans/branches";
    }
}
