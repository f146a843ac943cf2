package cn.minqing.intake;

import cn.minqing.cases.CaseViews;
import cn.minqing.people.Principal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A villager's own reports (the phone app's "my cases"; the full app comes with the people issue). */
@Controller
class MyCasesController {

    private final CaseViews views;

    MyCasesController(CaseViews views) {
        this.views = views;
    }

    @GetMapping("/my")
    String mine(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("cases", views.reportedBy(me.user(), 100));
        return "my";
    }
}
