package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.explain.ExplanationDetail;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Why a search ranked its first hits as it did: Elasticsearch's explanation of each hit's score, the clauses that
 * gave it, logged for the queries named in the system property {@code minqing.search.explain} (comma separated, as
 * typed; read per search). A diagnostic for relevance work (docs/relevance.md): off unless named, and then it asks
 * the same search once more with {@code explain}, so a searcher's answer never carries it.
 */
final class ScoreExplanation {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScoreExplanation.class);
    /** The first hits explained, the depth of the tree shown and the least contribution shown. */
    static final int HITS = 10;
    static final int DEPTH = 6;
    static final double LEAST = 0.05;

    private ScoreExplanation() {
    }

    /** Whether the query typed is one named to explain. */
    static boolean wanted(String q) {
        String named = System.getProperty("minqing.search.explain", "");
        return q != null && !named.isBlank() && Set.of(named.split(",")).contains(q.strip());
    }

    /** Logs the explanation of the search's first {@link #HITS} hits. */
    static void log(ElasticsearchClient client, String index, Query query, List<SortOptions> sort, String q, String step)
            throws IOException {
        List<Hit<CaseDocument>> hits = client.search(s -> s.index(index).size(HITS).query(query).sort(sort).explain(true),
                CaseDocument.class).hits().hits();
        StringBuilder out = new StringBuilder("explain ").append(q).append(" (").append(step).append(")\n");
        for (Hit<CaseDocument> hit : hits) {
            CaseDocument d = hit.source();
            out.append("== ").append(hit.id()).append(' ').append(d == null ? "" : d.title()).append(" @")
                    .append(hit.score()).append('\n');
            if (hit.explanation() != null) {
                append(out, hit.explanation().value(), hit.explanation().description(), hit.explanation().details(), 1);
            }
        }
        LOG.info("{}", out);
    }

    private static void append(StringBuilder out, double value, String description, List<ExplanationDetail> details,
                               int depth) {
        if (Math.abs(value) < LEAST || depth > DEPTH) {
            return;
        }
        out.append("  ".repeat(depth)).append(String.format("%.2f ", value))
                .append(description.length() > 140 ? description.substring(0, 140) + "…" : description).append('\n');
        for (ExplanationDetail d : details) {
            append(out, d.value(), d.description(), d.details(), depth + 1);
        }
    }
}
