package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many cases of an index use a word as written (its characters in a row, in the title or the description): the
 * evidence 同音纠错 asks for before it reads a typed general word as the known word it sounds like (水管漏税: 漏税 is a
 * word, but the county's cases barely use it, while 漏水 is everywhere). One request for all the words a search asks
 * about, and only for a query that holds such a word ({@link WordCounts}).
 * <p>
 * Counted within the searcher's scope — the filter the search itself applies ({@link CaseSearch#scope}): counted over
 * the whole county, whether a township cadre's query was corrected would tell them about cases outside their region.
 * The counts are kept a minute per index and scope, at most {@link #MAX_SCOPES} scopes (the least recently used let
 * go) of at most {@link #MAX_WORDS} words each.
 */
@Component
class WordFrequencies {

    /** Counts older than this are asked again (the index grows as cases arrive). */
    static final long KEEP_MILLIS = 60_000;
    /** Scopes kept at most (a cadre's scope holds their own reports, so scopes are about as many as searchers). */
    static final int MAX_SCOPES = 256;
    /** Words kept per scope at most: the words asked about come from what people type. */
    static final int MAX_WORDS = 2_000;
    private final WordCounts counts;

    WordFrequencies(ElasticsearchClient client) {
        this.counts = new WordCounts(client, "words", w -> Query.of(q -> q.multiMatch(m -> m.query(w)
                .type(TextQueryType.Phrase).fields("title.bigram", "description.bigram"))),
                KEEP_MILLIS, false, MAX_WORDS, MAX_SCOPES);
    }

    /** Each word's number of cases in the whole index (an admin's scope); see {@link #of(String, Query, Collection)}. */
    Map<String, Long> of(String indexAlias, Collection<String> words) {
        return of(indexAlias, null, words);
    }

    /**
     * Each word's number of cases in the index within {@code scope} ({@code null}: all of them); a word missing from
     * the answer could not be counted now (a general word then stays as typed: the search goes on as before).
     */
    Map<String, Long> of(String indexAlias, Query scope, Collection<String> words) {
        Map<String, Long> out = new HashMap<>();
        counts.of(indexAlias, scope, words).forEach((w, c) -> out.put(w, c.cases()));
        return out;
    }

    /** Forgets the counts of an index, in every scope (after a test refills it). */
    void forget(String indexAlias) {
        counts.forget(indexAlias);
    }
}
