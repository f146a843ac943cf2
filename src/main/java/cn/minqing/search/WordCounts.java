package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many cases of an index match each of some words — the counting behind {@link CommonForms} (which rewrites are
 * common words) and {@link WordFrequencies} (同音纠错's evidence). One {@code size: 0} request with a {@code filters}
 * aggregation, a query per word not known yet (Elasticsearch answers from the index's statistics without visiting the
 * cases), within a scope when given. The counts are kept {@code keepMillis} per index and scope: at most
 * {@code maxWords} per index and scope (beyond, they are let go and counted again on demand — the words come from what
 * people type) and at most {@code maxScopes} indexes and scopes (the least recently used let go).
 */
final class WordCounts {

    /** A word's cases, out of the scope's reports (0 when they were not asked for), as counted. */
    record Count(long cases, long reports) {
    }

    private record Counted(Count count, long at) {
    }

    private static final Logger log = LoggerFactory.getLogger(WordCounts.class);
    private final ElasticsearchClient client;
    private final String what;
    private final Function<String, Query> wordQuery;
    private final long keepMillis;
    private final boolean withReports;
    private final int maxWords;
    private final Map<String, Map<String, Counted>> counted;

    /**
     * {@code what} names the words in the log; {@code wordQuery} is the query that counts a word's cases;
     * {@code withReports}: each count also says how many reports the scope holds.
     */
    WordCounts(ElasticsearchClient client, String what, Function<String, Query> wordQuery, long keepMillis,
               boolean withReports, int maxWords, int maxScopes) {
        this.client = client;
        this.what = what;
        this.wordQuery = wordQuery;
        this.keepMillis = keepMillis;
        this.withReports = withReports;
        this.maxWords = maxWords;
        this.counted = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Counted>> eldest) {
                return size() > maxScopes;
            }
        });
    }

    /**
     * Each word's count in the index within {@code scope} ({@code null}: the whole index); a word missing from the
     * answer could not be counted now (the caller goes on as if it had no counts).
     */
    Map<String, Count> of(String indexAlias, Query scope, Collection<String> words) {
        Map<String, Counted> known = counted.computeIfAbsent(key(indexAlias, scope), k -> new ConcurrentHashMap<>());
        if (known.size() > maxWords) {
            known.clear(); // counted again on demand
        }
        long now = System.currentTimeMillis();
        Map<String, Count> out = new LinkedHashMap<>();
        Map<String, Query> ask = new LinkedHashMap<>();
        for (String w : words) {
            Counted c = known.get(w);
            if (c != null && now - c.at() < keepMillis) {
                out.put(w, c.count());
            } else {
                ask.put(w, wordQuery.apply(w));
            }
        }
        if (ask.isEmpty()) {
            return out;
        }
        try {
            SearchResponse<Void> response = client.search(s -> s.index(indexAlias).size(0).query(scope)
                    .trackTotalHits(t -> t.enabled(withReports))
                    .aggregations("words", a -> a.filters(f -> f.filters(b -> b.keyed(ask)))), Void.class);
            long reports = !withReports || response.hits().total() == null ? 0 : response.hits().total().value();
            Map<String, FiltersBucket> buckets = response.aggregations().get("words").filters().buckets().keyed();
            buckets.forEach((word, bucket) -> {
                Count c = new Count(bucket.docCount(), reports);
                known.put(word, new Counted(c, now));
                out.put(word, c);
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Could not count {} in {} now: {}", what, indexAlias, e.getMessage());
        }
        return out;
    }

    /** How many counts are kept for the index and scope (bounded by {@code maxWords} and one batch). */
    int kept(String indexAlias, Query scope) {
        Map<String, Counted> known = counted.get(key(indexAlias, scope));
        return known == null ? 0 : known.size();
    }

    /** The index and the scope's query (its JSON): the same filter is the same scope. */
    private static String key(String indexAlias, Query scope) {
        return scope == null ? indexAlias : indexAlias + "\n" + scope;
    }

    /** Forgets the counts of an index, in every scope (a test refilled it). */
    void forget(String indexAlias) {
        synchronized (counted) {
            counted.keySet().removeIf(k -> k.equals(indexAlias) || k.startsWith(indexAlias + "\n"));
        }
    }

    /** Forgets every count. */
    void forgetAll() {
        counted.clear();
    }
}
