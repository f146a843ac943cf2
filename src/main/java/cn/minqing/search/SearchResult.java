package cn.minqing.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What GET /api/search answers: total, hits with highlights, and facet counts. */
record SearchResult(long total, List<Hit> hits, Map<String, List<Bucket>> facets) {

    record Hit(String number, String title, String status, String category, String categoryName,
               String villageCode, String village, String township, int supporters, OffsetDateTime createdAt,
               Double score, Map<String, List<String>> highlight, String deadlineLevel, boolean overdue) {
    }

    record Bucket(String key, long count) {
    }
}
