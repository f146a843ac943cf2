package cn.minqing.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What GET /api/search answers: total, hits with highlights, facet counts, and {@code searchAfter}: pass
 * it back as {@code after} to get the next page. {@code relaxed} names the steps taken because the exact search
 * found nothing, in order: {@code place} (the place named only raises its cases), {@code words} (most words are
 * enough), {@code category} (the cases of the categories the query points to); empty when none was needed.
 * {@code alike}: when a search finds fewer than ten cases, all on its first page, up to ten cases worded like the first
 * three it found (not among them, not counted in {@code total} or the facets, within the same scope and filters) —
 * shown after the hits; empty otherwise (26th session, {@link FewFoundAlike}).
 */
record SearchResult(long total, List<Hit> hits, Map<String, List<Bucket>> facets, List<String> searchAfter,
                    List<String> relaxed, List<Hit> alike) {

    SearchResult(long total, List<Hit> hits, Map<String, List<Bucket>> facets, List<String> searchAfter,
                 List<String> relaxed) {
        this(total, hits, facets, searchAfter, relaxed, List.of());
    }

    /** The same answer with the cases worded like its few hits. */
    SearchResult withAlike(List<Hit> cases) {
        return new SearchResult(total, hits, facets, searchAfter, relaxed, cases);
    }

    record Hit(String number, String title, String status, String category, String categoryName,
               String villageCode, String village, String township, int supporters, OffsetDateTime createdAt,
               Double score, Map<String, List<String>> highlight, String deadlineLevel, boolean overdue) {
    }

    record Bucket(String key, long count) {
    }
}
