package cn.minqing.search;

import cn.minqing.county.Categories;
import cn.minqing.people.Principal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page for cadres and leaders: words, filters, facets, highlights, saved searches. */
@Controller
class SearchPageController {

    private final CaseSearch search;
    private final Categories categories;
    private final SavedSearches saved;
    private final cn.minqing.county.Regions regions;
    private final cn.minqing.county.Organisations organisations;

    SearchPageController(CaseSearch search, Categories categories, SavedSearches saved, cn.minqing.county.Regions regions,
                         cn.minqing.county.Organisations organisations) {
        this.search = search;
        this.regions = regions;
        this.organisations = organisations;
        this.categories = categories;
        this.saved = saved;
    }

    @GetMapping("/search")
    String page(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String q,
                @RequestParam(required = false) String category, @RequestParam(required = false) String status,
                @RequestParam(required = false) String region, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String organisation,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletRequest request, Model model) throws IOException {
        model.addAttribute("me", me.user());
        model.addAttribute("categories", categories.all());
        model.addAttribute("saved", saved.of(me.getUsername()));
        model.addAttribute("query", request.getQueryString());
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("region", region);
        model.addAttribute("organisation", organisation);
        // the drill-down line names what it filters by
        model.addAttribute("regionName", blank(region) == null ? null
                : regions.find(region).map(cn.minqing.county.Region::name).orElse(region));
        model.addAttribute("organisationName", blank(organisation) == null ? null
                : organisations.find(organisation).map(cn.minqing.county.Organisation::name).orElse(organisation));
        model.addAttribute("categoryName", blank(category) == null ? null : categories.find(category)
                .map(cn.minqing.county.Category::nameZh).orElse(category));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("result", search.search(new CaseSearch.Criteria(blank(q), blank(category), blank(status),
                blank(region), Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, 50, 0, blank(organisation), null, date(from), date(to),
                null, null, null, blank(sort), null), me.user()));
        return "search";
    }

    @PostMapping("/search/saved")
    String save(@AuthenticationPrincipal Principal me, @RequestParam String name, @RequestParam(defaultValue = "") String query) {
        if (!name.isBlank() && !me.user().isVillagerOnly()) {
            saved.save(me.getUsername(), name, query);
        }
        return "redirect:/search?" + query;
    }

    @PostMapping("/search/saved/{id}/delete")
    String delete(@AuthenticationPrincipal Principal me, @PathVariable long id) {
        saved.delete(me.getUsername(), id);
        return "redirect:/search";
    }

    /** A drill-down's date, or nothing: a malformed one is ignored rather than failing the page. */
    private static String date(String s) {
        return s != null && s.matches("\\d{4}-\\d{2}-\\d{2}") ? s : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
