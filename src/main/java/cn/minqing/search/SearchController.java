package cn.minqing.search;

import cn.minqing.people.Principal;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Precise lookup of cases (精准抓取群众需求). */
@RestController
class SearchController {

    private final CaseSearch search;
    private final HotTopics hotTopics;

    SearchController(CaseSearch search, HotTopics hotTopics) {
        this.search = search;
        this.hotTopics = hotTopics;
    }

    /** Rising categories and words in the last {@code days} against the period before (cadres, leaders). */
    @GetMapping("/api/search/hot-topics")
    HotTopics.Result hotTopics(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                               @RequestParam(defaultValue = "30") int days) throws IOException {
        return hotTopics.of(region, Math.max(1, Math.min(days, 366)), me.user());
    }

    @GetMapping("/api/search")
    SearchResult search(@AuthenticationPrincipal Principal me,
                        @RequestParam(required = false) String q,
                        @RequestParam(required = false) String category,
                        @RequestParam(required = false) String status,
                        @RequestParam(required = false) String region,
                        @RequestParam(required = false) Boolean overdue,
                        @RequestParam(required = false) String organisation,
                        @RequestParam(required = false) String urgency,
                        @RequestParam(name = "from", required = false) String fromParam,
                        @RequestParam(required = false) String to,
                        @RequestParam(required = false) String near,
                        @RequestParam(required = false) Double radiusKm,
                        @RequestParam(required = false) String sort,
                        @RequestParam(required = false) java.util.List<String> after,
                        @RequestParam(defaultValue = "0") int offset,
                        @RequestParam(defaultValue = "20") int size,
                        @RequestParam(required = false) String channel) throws IOException {
        return search.search(new SearchParameters(q, category, status, region, overdue, organisation, urgency, fromParam,
                to, near, radiusKm, sort, after, offset, size, channel).criteria(), me.user());
    }
}
