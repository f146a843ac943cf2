package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Sends one search of the search page as two in one round trip ({@code _msearch}): the page of hits, scored, sorted
 * and highlighted, but neither counted nor faceted — so Elasticsearch may skip the matches that cannot reach the page
 * (block-max WAND / MAXSCORE) — and beside it the exact total and the facets, with the same query in filter context
 * (nothing scored, nothing sorted, nothing highlighted). The same query and the same sort give the same page; the
 * same query as a filter matches the same cases, so the total and the facets are those the single request gave.
 * <p>
 * Why: with facets and an exact total in the scored request, every match (55,000 for 自来水 at a million cases) was
 * scored against every clause — the sub-fields, synonyms and thesaurus forms — only to be counted (SearchProfile).
 * <p>
 * Not the default: on an idle two-core box at a million cases the split cost more than it saved (the count's query,
 * when not cached, is about 0.6 of the single request on top of the page's 0.9, and both cores are busy already):
 * leader1's common queries p95 1,005 → 1,449 ms, township1 546 → 981 ms (docs/operating.md, "8th session"). It is
 * kept for a box with idle cores: {@code minqing.search.single-request=false}, read per search.
 */
final class PageAndCount {

    /** What one search asks: the index, the query, the sort, the highlight (or null), paging, facet fields. */
    record Request(String index, Query query, List<SortOptions> sort, Highlight highlight, int size, int from,
                   List<FieldValue> after, List<String> facets) {
    }

    /** The page's hits (in the order sent), the exact total and the facets. */
    record Answer(List<Hit<CaseDocument>> hits, long total, Map<String, Aggregate> aggregations) {
    }

    private PageAndCount() {
    }

    /** The default shape: one request that scores, counts and facets every match (system property, for A/B runs). */
    static boolean singleRequest() {
        return Boolean.parseBoolean(System.getProperty("minqing.search.single-request", "true"));
    }

    static Answer send(ElasticsearchClient client, Request r) throws IOException {
        return singleRequest() ? single(client, r) : split(client, r);
    }

    private static Answer single(ElasticsearchClient client, Request r) throws IOException {
        SearchResponse<CaseDocument> response = client.search(s -> {
            s.index(r.index()).size(r.size()).trackTotalHits(t -> t.enabled(true)).query(r.query()).sort(r.sort());
            if (r.highlight() != null) {
                s.highlight(r.highlight());
            }
            if (r.after() != null && !r.after().isEmpty()) {
                s.searchAfter(r.after());
            } else {
                s.from(r.from());
            }
            r.facets().forEach(name -> s.aggregations(name, a -> a.terms(t -> t.field(name).size(FACET_SIZE))));
            return s;
        }, CaseDocument.class);
        long total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        return new Answer(response.hits().hits(), total, response.aggregations());
    }

    private static Answer split(ElasticsearchClient client, Request r) throws IOException {
        RequestItem page = RequestItem.of(i -> i.header(h -> h.index(r.index())).body(b -> {
            b.size(r.size()).trackTotalHits(t -> t.enabled(false)).query(r.query()).sort(r.sort());
            if (r.highlight() != null) {
                b.highlight(r.highlight());
            }
            if (r.after() != null && !r.after().isEmpty()) {
                b.searchAfter(r.after());
            } else {
                b.from(r.from());
            }
            return b;
        }));
        // the shard request cache would answer a repeated count from memory until the next refresh: left out, so
        // that a benchmark repeating its queries measures what a new query costs
        RequestItem count = RequestItem.of(i -> i.header(h -> h.index(r.index()).requestCache(false)).body(b -> {
            b.size(0).trackTotalHits(t -> t.enabled(true)).query(q -> q.bool(f -> f.filter(r.query())));
            r.facets().forEach(name -> b.aggregations(name, a -> a.terms(t -> t.field(name).size(FACET_SIZE))));
            return b;
        }));
        MsearchResponse<CaseDocument> both = client.msearch(m -> m.searches(page, count), CaseDocument.class);
        MultiSearchItem<CaseDocument> hits = item(both.responses().get(0));
        MultiSearchItem<CaseDocument> counted = item(both.responses().get(1));
        return new Answer(hits.hits().hits(), counted.hits().total().value(), counted.aggregations());
    }

    /** A part that failed fails the search as a single request would (too many clauses is read from it). */
    private static MultiSearchItem<CaseDocument> item(MultiSearchResponseItem<CaseDocument> item) {
        if (item.isFailure()) {
            throw new ElasticsearchException("msearch", item.failure());
        }
        return item.result();
    }

    /** Buckets per facet. */
    static final int FACET_SIZE = 20;
}
