package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which rewrites of a query (synonyms, thesaurus forms: 信号, 网络, 宽带 for 上不了网) are common words in the county's
 * cases — used in at least {@link #share()} of the index's reports (their description, read as words). Such a form
 * matches a large part of the index, and every match was scored against its clause on seven fields (searchcost9,
 * docs/operating.md "9th session"); {@link RewriteClauses} gives it a cheaper clause.
 * <p>
 * The counts are one {@code size: 0} request for all the forms not known yet, a {@code filters} aggregation of word
 * queries over the whole index (Elasticsearch answers a term's count from the index's statistics, without visiting
 * the cases), kept ten minutes per index: a word's share of a county's reports moves slowly.
 */
final class CommonForms {

    private static final Logger log = LoggerFactory.getLogger(CommonForms.class);
    static final long KEEP_MILLIS = 10 * 60_000;
    /** Counts kept per index at most: the forms are rewrites of what people type, so any text can become one. */
    static final int MAX_KEPT = 10_000;
    /** The default share of reports above which a form is common (system property, read per search). */
    static final double DEFAULT_SHARE = 0.01;

    private final ElasticsearchClient client;
    private final Map<String, Map<String, Counted>> counted = new ConcurrentHashMap<>();

    /** A form's number of reports, out of the index's, and when they were counted. */
    private record Counted(long cases, long reports, long at) {

        boolean common(double share) {
            return reports > 0 && cases >= share * reports;
        }
    }

    CommonForms(ElasticsearchClient client) {
        this.client = client;
    }

    /** {@code minqing.search.common-form-share}: a form used in this share of the reports or more is common. */
    static double share() {
        String value = System.getProperty("minqing.search.common-form-share");
        try {
            return value == null ? DEFAULT_SHARE : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return DEFAULT_SHARE;
        }
    }

    /** The forms among {@code forms} that are common in the index; a form that could not be counted is not common. */
    Set<String> among(String indexAlias, Collection<String> forms) {
        if (forms.isEmpty()) {
            return Set.of();
        }
        Map<String, Counted> known = counted.computeIfAbsent(indexAlias, a -> new ConcurrentHashMap<>());
        if (known.size() > MAX_KEPT) {
            known.clear(); // recounted on demand: one size-0 request per search until the common ones are known again
        }
        long now = System.currentTimeMillis();
        double share = share();
        Set<String> common = new HashSet<>();
        Map<String, Query> ask = new LinkedHashMap<>();
        for (String form : forms) {
            Counted c = known.get(form);
            if (c != null && now - c.at() < KEEP_MILLIS) {
                if (c.common(share)) {
                    common.add(form);
                }
            } else {
                ask.put(form, Query.of(q -> q.match(m -> m.field("description").query(form).operator(Operator.And))));
            }
        }
        if (!ask.isEmpty()) {
            count(indexAlias, ask, known, now).forEach((form, c) -> {
                if (c.common(share)) {
                    common.add(form);
                }
            });
        }
        return common;
    }

    private Map<String, Counted> count(String indexAlias, Map<String, Query> ask, Map<String, Counted> known, long now) {
        Map<String, Counted> out = new LinkedHashMap<>();
        try {
            SearchResponse<Void> response = client.search(s -> s.index(indexAlias).size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("forms", a -> a.filters(f -> f.filters(b -> b.keyed(ask)))), Void.class);
            long reports = response.hits().total() == null ? 0 : response.hits().total().value();
            Map<String, FiltersBucket> buckets = response.aggregations().get("forms").filters().buckets().keyed();
            buckets.forEach((form, bucket) -> {
                Counted c = new Counted(bucket.docCount(), reports, now);
                known.put(form, c);
                out.put(form, c);
            });
        } catch (IOException | RuntimeException e) {
            // without the counts every form keeps its full clause: the search goes on as before
            log.warn("Could not count the query's forms in {} now: {}", indexAlias, e.getMessage());
        }
        return out;
    }

    /** Forgets the counts (a test refilled an index). */
    void forget() {
        counted.clear();
    }
}
