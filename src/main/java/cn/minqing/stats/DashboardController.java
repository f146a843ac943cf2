package cn.minqing.stats;

import cn.minqing.people.Principal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The leader's dashboard page; every figure links to the cases behind it. */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final cn.minqing.county.Categories categories;

    private final Indicators indicators;
    private final NowCounts nowCounts;
    private final java.time.ZoneId zone;
    private final org.springframework.context.MessageSource messages;
    private final java.util.List<DashboardSections> more;

    DashboardController(Dashboard dashboard, cn.minqing.county.Categories categories, Indicators indicators,
                        NowCounts nowCounts, org.springframework.context.MessageSource messages,
                        @org.springframework.beans.factory.annotation.Value("${minqing.time-zone:Asia/Shanghai}") String zone,
                        java.util.List<DashboardSections> more) {
        this.more = more;
        this.messages = messages;
        this.nowCounts = nowCounts;
        this.zone = java.time.ZoneId.of(zone);
        this.indicators = indicators;
        this.dashboard = dashboard;
        this.categories = categories;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                     @RequestParam(required = false) String category,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     java.util.Locale locale, Model model) {
        Dashboard.View view;
        try {
            view = dashboard.of(region, category, from, to, me.user());
        } catch (cn.minqing.platform.web.InvalidInputException e) {
            // a period that cannot be: say why, and show the default period instead
            model.addAttribute("errors", e.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), locale)).toList());
            view = dashboard.of(region, category, null, null, me.user());
        }
        StatsQuery q = view.query();
        model.addAttribute("me", me.user());
        model.addAttribute("v", view);
        model.addAttribute("q", q);
        model.addAttribute("row", view.total().rows().isEmpty() ? null : view.total().rows().get(0));
        model.addAttribute("regions", dashboard.regionsWithin(me.user().is(cn.minqing.people.Role.ADMIN) ? ""
                : me.user().scopeRegion()));
        model.addAttribute("categories", categories.all());
        model.addAttribute("categoryNames", categories.all().stream().collect(java.util.stream.Collectors.toMap(
                cn.minqing.county.Category::code, cn.minqing.county.Category::nameZh)));
        model.addAttribute("drill", new Drill(q));
        model.addAttribute("current", nowCounts.of(q.region(), q.category()));
        model.addAttribute("lastMonth", java.time.YearMonth.from(LocalDate.now(zone)).minusMonths(1));
        // the county's today: the preset buttons count back from it, not from the browser's time zone
        model.addAttribute("today", LocalDate.now(zone).toString());
        model.addAttribute("stageDefinitions", indicators.definitions("stage"));
        // other features' sections (民情走访), for the same region and period
        model.addAttribute("sections", more.stream().flatMap(m -> m.of(q.region(), q.from(), q.to()).stream()).toList());
        return "dashboard";
    }
}
