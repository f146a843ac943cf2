package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Like;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;

/**
 * A category listing raises the cases worded like its surest answers (pseudo-relevance feedback, 25th session). A query
 * answered by its categories' cases (relaxed to them, 征地补偿, 噪声污染) ranks first what its words found and what holds a
 * form of the notion named; the category's other cases followed in the order of its vocabulary, so a report saying the
 * same thing in words no thesaurus entry holds waited among all of them. The first {@link #DOCS} cases the words found
 * (the words' step's first page) lend their words ({@link #TERMS} at most, the rarest in the index) to a
 * {@code more_like_this} clause that raises the cases like them by a little ({@link #WEIGHT}: about one notion form's
 * score), within the listing's tiers. Costs nothing measurable: no request more on the first page (a later page asks for
 * the words' first hits, so every page raises the same cases). A listing the words found nothing for, or a broad notion
 * listed straight away, is left as it was.
 * <p>
 * Measured (docs/relevance.md): taking the listing's own first sure answers instead (found by the words or holding a
 * form of the notion, which needs the listing asked twice: {@code peek}) gained more on the judged sets but doubled a
 * listed search's time at 100,000 cases, so it stays only as an A/B mode:
 * {@code -Dminqing.search.listing-feedback=words|peek|false}, read per search.
 */
final class ListingFeedback {

    /** The sure answers the clause is made from. */
    static final int DOCS = 3;
    /** A listed case's score per unit of likeness, so a close likeness counts about as much as one notion form. */
    static final float WEIGHT = 0.001f;
    /** The words of the sure answers the clause looks for, the rarest in the index first. */
    static final int TERMS = 12;
    /**
     * ({@code peek}) Above a listed category's every case (its tier and {@link CategoryListing#CATEGORY_ONLY_SCORE}) and
     * a shared pair of characters, below one form of the notion named: found by the words, or holding the notion.
     */
    static final double SURE = CaseSearch.INTENT_LIST_BOOST + CategoryListing.CATEGORY_ONLY_SCORE
            + (CategoryListing.PARTIAL_SCORE + CategoryListing.NOTION_SCORE) / 2;

    private ListingFeedback() {
    }

    /** {@code words} (the default), {@code peek} or {@code false}: {@code -Dminqing.search.listing-feedback}, read per search. */
    private static String mode() {
        return System.getProperty("minqing.search.listing-feedback", "words");
    }

    static boolean fromWords() {
        return mode().equals("words");
    }

    static boolean byPeek() {
        return mode().equals("peek");
    }

    /** The listing's query with the cases like {@code sure} raised, or as it was when there are none. */
    static Query raise(String alias, Query listing, List<String> sure) {
        return sure.isEmpty() ? listing : Query.of(q -> q.bool(b -> b.must(listing).should(alike(alias, sure))));
    }

    private static Query alike(String alias, List<String> sure) {
        return Query.of(q -> q.moreLikeThis(m -> m.fields("title", "description")
                .like(sure.stream().map(id -> Like.of(l -> l.document(d -> d.index(alias).id(id)))).toList())
                .minTermFreq(1).minDocFreq(2).maxQueryTerms(TERMS).minimumShouldMatch("1").include(true).boost(WEIGHT)));
    }

    /** ({@code peek}) The listing's query with the cases like its own sure answers raised (one request more). */
    static Query raise(ElasticsearchClient client, String alias, Query listing, List<SortOptions> sort) throws IOException {
        List<String> sure = client.search(s -> s.index(alias).size(DOCS).minScore(SURE)
                .trackTotalHits(t -> t.enabled(false)).source(src -> src.fetch(false)).query(listing).sort(sort), Void.class)
                .hits().hits().stream().map(Hit::id).toList();
        return raise(alias, listing, sure);
    }
}
