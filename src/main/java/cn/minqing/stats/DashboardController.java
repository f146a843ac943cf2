package cn.minqing.stats;

import cn.minqing.people.Principal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leader's dashboard: indicator cards with their definitions and change, cases per category,
 * the townships' ranking; every figure links to the cases behind it.
 */
@Controller
class DashboardController {

    private final StatsService stats;

    DashboardController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                     @RequestParam(required = false) String category,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     Model model) {
        model.addAttribute("me", me.user());
        StatsService.Report total = stats.report(region, null, category, from, to, "none", me.user());
        model.addAttribute("total", total);
        model.addAttribute("row", total.rows().isEmpty() ? null : total.rows().get(0));
        model.addAttribute("byCategory", stats.report(region, null, category, from, to, "category", me.user()));
        model.addAttribute("byTownship", stats.report(region, null, category, from, to, "township", me.user()));
        model.addAttribute("region", region);
        model.addAttribute("category", category);
        return "dashboard";
    }
}
