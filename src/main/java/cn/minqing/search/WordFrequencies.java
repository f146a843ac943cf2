package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How many cases of an index use a word as written (its characters in a row, in the title or the description): the
 * evidence 同音纠错 asks for before it reads a typed general word as the known word it sounds like (水管漏税: 漏税 is a
 * word, but the county's cases barely use it, while 漏水 is everywhere). One request for all the words a search asks
 * about, and only for a query that holds such a word.
 * <p>
 * Counted within the searcher's scope — the filter the search itself applies ({@link CaseSearch#scope}): counted over
 * the whole county, whether a township cadre's query was corrected would tell them about cases outside their region.
 * The counts are kept a minute per index and scope, at most {@link #MAX_SCOPES} scopes (the least recently used let
 * go) of at most {@link #MAX_WORDS} words each.
 */
@Component
class WordFrequencies {

    private static final Logger log = LoggerFactory.getLogger(WordFrequencies.class);
    /** Counts older than this are asked again (the index grows as cases arrive). */
    static final long KEEP_MILLIS = 60_000;
    /** Scopes kept at most (a cadre's scope holds their own reports, so scopes are about as many as searchers). */
    static final int MAX_SCOPES = 256;
    /** Words kept per scope at most: the words asked about come from what people type. */
    static final int MAX_WORDS = 2_000;
    private final ElasticsearchClient client;
    private final Map<String, Map<String, Counted>> counted = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Counted>> eldest) {
                    return size() > MAX_SCOPES;
                }
            });

    private record Counted(long cases, long at) {
    }

    WordFrequencies(ElasticsearchClient client) {
        this.client = client;
    }

    /** Each word's number of cases in the whole index (an admin's scope); see {@link #of(String, Query, Collection)}. */
    Map<String, Long> of(String indexAlias, Collection<String> words) {
        return of(indexAlias, null, words);
    }

    /**
     * Each word's number of cases in the index within {@code scope} ({@code null}: all of them); a word missing from
     * the answer could not be counted now.
     */
    Map<String, Long> of(String indexAlias, Query scope, Collection<String> words) {
        Map<String, Counted> known = counted.computeIfAbsent(key(indexAlias, scope), a -> new ConcurrentHashMap<>());
        if (known.size() > MAX_WORDS) {
            known.clear(); // counted again on demand
        }
        long now = System.currentTimeMillis();
        Map<String, Long> out = new HashMap<>();
        Map<String, Query> ask = new LinkedHashMap<>();
        for (String w : words) {
            Counted c = known.get(w);
            if (c != null && now - c.at() < KEEP_MILLIS) {
                out.put(w, c.cases());
            } else {
                ask.put(w, Query.of(q -> q.multiMatch(m -> m.query(w).type(TextQueryType.Phrase)
                        .fields("title.bigram", "description.bigram"))));
            }
        }
        if (ask.isEmpty()) {
            return out;
        }
        try {
            SearchResponse<Void> response = client.search(s -> s.index(indexAlias).size(0).query(scope)
                    .trackTotalHits(t -> t.enabled(false))
                    .aggregations("words", a -> a.filters(f -> f.filters(b -> b.keyed(ask)))), Void.class);
            Map<String, FiltersBucket> buckets = response.aggregations().get("words").filters().buckets().keyed();
            buckets.forEach((word, bucket) -> {
                out.put(word, bucket.docCount());
                known.put(word, new Counted(bucket.docCount(), now));
            });
        } catch (IOException | RuntimeException e) {
            // without the counts a general word stays as typed: the search goes on as before
            log.warn("Could not count words in {} now: {}", indexAlias, e.getMessage());
        }
        return out;
    }

    /** The index and the scope's query (its JSON): the same filter is the same scope. */
    private static String key(String indexAlias, Query scope) {
        return scope == null ? indexAlias : indexAlias + "\n" + scope;
    }

    /** Forgets the counts of an index, in every scope (after a test refills it). */
    void forget(String indexAlias) {
        synchronized (counted) {
            counted.keySet().removeIf(k -> k.equals(indexAlias) || k.startsWith(indexAlias + "\n"));
        }
    }
}
