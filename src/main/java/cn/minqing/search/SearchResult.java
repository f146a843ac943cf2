package cn.minqing.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What GET /api/search answers: total, hits with highlights, facet counts, and {@code searchAfter}: pass
 * it back as {@code after} to get the next page.
 */
record SearchResult(long total, List<Hit> hits, Map<String, List<Bucket>> facets, List<String> searchAfter) {

    record Hit(String number, String title, String status, String category, String categoryName,
               String villageCode, String village, String township, int supporters, OffsetDateTime createdAt,
               Double score, Map<String, List<String>> highlight, String deadlineLevel, boolean overdue) {
    }

    record Bucket(String key, long count) {
    }
}
