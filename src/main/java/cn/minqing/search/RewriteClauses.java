package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The clause of a query's rewrite (a synonym, a thesaurus form) that is a common word in the county's cases
 * ({@link CommonForms}): the title with its character pairs and the description's words — not the description's
 * character pairs, the address and the index-time readings of misspelt reports, the seven fields the typed words are
 * matched on. Such a form matches a large share of the index, and each of its matches was scored on every one of those
 * fields: 上不了网 at a million cases scored 159,000 cases against some 30 such clauses (信号, 网络, 宽带 …). A rare form
 * keeps the full clause: it costs little, and its character pairs and a misspelt report's reading are where it finds
 * what the words miss. Judged on every set (docs/search.md, "Cheaper clauses for common forms").
 * <p>
 * {@code minqing.search.rewrite-clauses=full} (system property, read per search) gives every rewrite the full clause,
 * as before searchcost9: the benchmarks' A/B on one index.
 */
final class RewriteClauses {

    /**
     * The title with its character pairs, as the typed words (short: few cases hold a form there), and the description's
     * words weighted as the description with its pairs were together (1 + 1): the description's character pairs, the
     * longest field's, are the clause's largest cost.
     */
    static final List<String> WORD_FIELDS = List.of("title^3", "title.bigram^2", "description^2");

    private final CommonForms commonForms;

    RewriteClauses(ElasticsearchClient client) {
        this.commonForms = new CommonForms(client);
    }

    /** The lean clause for common forms is on (the default) or every rewrite gets the full clause. */
    static boolean lean() {
        return !"full".equals(System.getProperty("minqing.search.rewrite-clauses", "lean"));
    }

    /** Which of these synonyms and thesaurus forms get the lean clause (none when {@link #lean()} is off). */
    Set<String> leanFor(String indexAlias, List<String> variants, List<Thesaurus.Expansion> expansions) {
        if (!lean() || variants.isEmpty() && expansions.isEmpty()) {
            return Set.of();
        }
        List<String> forms = new ArrayList<>(variants);
        expansions.forEach(e -> forms.add(e.text()));
        return commonForms.among(indexAlias, forms);
    }

    /** A common form on the words fields only. */
    static Query onWords(String text, float boost, String minimumMatch) {
        return Query.of(m -> m.multiMatch(mm -> mm.query(text).type(TextQueryType.MostFields).boost(boost)
                .fields(WORD_FIELDS).minimumShouldMatch(minimumMatch)));
    }

    void forget() {
        commonForms.forget();
    }
}
