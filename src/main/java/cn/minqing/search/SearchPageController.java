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
                @RequestParam(required = false) java.util.List<String> after, @RequestParam(required = false) Integer shown,
                @RequestParam(required = false) String channel, HttpServletRequest request, Model model) throws IOException {
        String source = channel != null && SearchParameters.CHANNELS.contains(channel) ? channel : null; // 来源: an unknown one is ignored
        java.util.List<String> marker = pageMarker(after);
        int before = marker == null || shown == null || shown < 0 || shown > 1_000_000 ? 0 : shown;
        model.addAttribute("me", me.user());
        model.addAttribute("categories", categories.all());
        model.addAttribute("saved", saved.of(me.getUsername()));
        model.addAttribute("query", withoutPaging(request.getQueryString()));
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
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("channel", source);
        model.addAttribute("channels", SearchParameters.CHANNELS);
        model.addAttribute("sort", blank(sort));
        SearchResult result = search.search(new CaseSearch.Criteria(blank(q), blank(category), blank(status),
                blank(region), Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, PAGE, 0, blank(organisation), null, date(from), date(to),
                null, null, null, blank(sort), marker, source), me.user());
        model.addAttribute("result", result);
        // paging through every result: the next page starts after this page's last hit (search_after)
        model.addAttribute("shownFrom", result.hits().isEmpty() ? before : before + 1);
        model.addAttribute("shownTo", before + result.hits().size());
        model.addAttribute("firstPage", marker == null ? null : "/search" + query(withoutPaging(request.getQueryString())));
        boolean more = result.hits().size() == PAGE && before + PAGE < result.total() && result.searchAfter().size() == 2;
        model.addAttribute("nextPage", more ? "/search" + query(withoutPaging(request.getQueryString()) + "&after="
                + enc(result.searchAfter().get(0)) + "&after=" + enc(result.searchAfter().get(1)) + "&shown=" + (before + PAGE)) : null);
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

    private static final int PAGE = 50;

    /** The previous page's marker (a sort value and a case number), or nothing: a malformed one starts over. */
    private static java.util.List<String> pageMarker(java.util.List<String> after) {
        return after != null && after.size() == 2 && after.get(0).matches("-?[0-9][0-9.E-]{0,30}")
                && after.get(1).matches("[A-Za-z0-9-]{1,40}") ? after : null;
    }

    /** The page's query string without its paging parameters (for saving, the first page and the next). */
    static String withoutPaging(String queryString) {
        if (queryString == null) {
            return "";
        }
        return java.util.Arrays.stream(queryString.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("after=") && !p.startsWith("shown="))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    private static String query(String queryString) {
        String q = queryString.startsWith("&") ? queryString.substring(1) : queryString;
        return q.isEmpty() ? "" : "?" + q;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A drill-down's date, or nothing: a malformed one is ignored rather than failing the page. */
    private static String date(String s) {
        return s != null && s.matches("\\d{4}-\\d{2}-\\d{2}") ? s : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
