package cn.minqing.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What GET /api/search answers: total, hits with highlights, facet counts, and {@code searchAfter}: pass
 * it back as {@code after} to get the next page. {@code relaxed} names the steps taken because the exact search
 * found nothing, in order: {@code place} (the place named only raises its cases), {@code words} (most words are
 * enough), {@code category} (the cases of the categories the query points to), {@code alike} (fewer than a page
 * found: the cases worded like the first found follow them); empty when none was needed.
 */
record SearchResult(long total, List<Hit> hits, Map<String, List<Bucket>> facets, List<String> searchAfter,
                    List<String> relaxed) {

    record Hit(String number, String title, String status, String category, String categoryName,
               String villageCode, String village, String township, int supporters, OffsetDateTime createdAt,
               Double score, Map<String, List<String>> highlight, String deadlineLevel, boolean overdue) {
    }

    record Bucket(String key, long count) {
    }
}
