package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which rewrites of a query (synonyms, thesaurus forms: 信号, 网络, 宽带 for 上不了网) are common words in the county's
 * cases — used in at least {@link #share()} of the index's reports (their description, read as words). Such a form
 * matches a large part of the index, and every match was scored against its clause on seven fields (searchcost9,
 * docs/operating.md "9th session"); {@link RewriteClauses} gives it a cheaper clause.
 * <p>
 * The counts are one {@code size: 0} request for all the forms not known yet, a {@code filters} aggregation of word
 * queries over the whole index ({@link WordCounts}, shared with 同音纠错's {@link WordFrequencies}), kept ten minutes
 * per index, at most {@link #MAX_KEPT} per index: a word's share of a county's reports moves slowly.
 */
final class CommonForms {

    static final long KEEP_MILLIS = 10 * 60_000;
    /** Counts kept per index at most: the forms are rewrites of what people type, so any text can become one. */
    static final int MAX_KEPT = 10_000;
    /** The default share of reports above which a form is common (system property, read per search). */
    static final double DEFAULT_SHARE = 0.01;

    /** Indexes kept at most (the county's, a rebuild's, the judged sets' in tests). */
    static final int MAX_INDEXES = 64;
    private final WordCounts counts;

    CommonForms(ElasticsearchClient client) {
        this.counts = new WordCounts(client, "the query's forms",
                form -> Query.of(q -> q.match(m -> m.field("description").query(form).operator(Operator.And))),
                KEEP_MILLIS, true, MAX_KEPT, MAX_INDEXES);
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
        double share = share();
        Set<String> common = new HashSet<>();
        counts.of(indexAlias, null, forms).forEach((form, c) -> {
            if (c.reports() > 0 && c.cases() >= share * c.reports()) {
                common.add(form);
            }
        });
        return common;
    }

    /** Forgets the counts (a test refilled an index). */
    void forget() {
        counts.forgetAll();
    }
}
