package cn.minqing.search;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Every case that GET /api/search finds for a region, a category and words, read in pages with search_after:
 * the same query, so that what another feature links by a filter (a work plan's scope) counts exactly as the
 * search does. A reading by the system: no person's scope applies; the caller applies its own.
 */
@Service
public class CaseMatches {

    private static final CurrentUser SYSTEM = new CurrentUser("system", "system", Set.of(Role.ADMIN), null, null, null,
            "", List.of());
    private static final int PAGE = 100;

    private final CaseSearch search;

    CaseMatches(CaseSearch search) {
        this.search = search;
    }

    /**
     * The numbers of the cases in {@code region} of any of {@code categories} (none: any category) matching
     * {@code words} (null: any), created on or after {@code createdFrom} (an ISO date, null: any day).
     */
    public List<String> numbers(String region, List<String> categories, String words, String createdFrom) throws IOException {
        Set<String> numbers = new LinkedHashSet<>();
        for (String category : categories.isEmpty() ? java.util.Collections.<String>singletonList(null) : categories) {
            List<String> after = null;
            while (true) {
                SearchResult page = search.search(new CaseSearch.Criteria(words, category, null, region, null, PAGE, 0,
                        null, null, createdFrom, null, null, null, null, "newest", after), SYSTEM);
                page.hits().forEach(h -> numbers.add(h.number()));
                if (page.hits().size() < PAGE || page.searchAfter() == null || page.searchAfter().isEmpty()) {
                    break;
                }
                after = new ArrayList<>(page.searchAfter());
            }
        }
        return List.copyOf(numbers);
    }
}
