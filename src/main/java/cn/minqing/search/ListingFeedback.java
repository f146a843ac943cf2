package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Like;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;

/**
 * A category listing's surest answers raise the cases worded like them (pseudo-relevance feedback, 25th session). A
 * query answered by its categories' cases (a notion no report names, 征地补偿, 噪声污染) ranks first what its words found
 * and what holds a form of the notion named; the category's other cases followed in the order of its vocabulary, so a
 * report saying the same thing in words no thesaurus entry holds waited among all of them. The listing is asked for
 * its first {@link #DOCS} sure answers (scored above a category's every case: found by the words or holding a form of
 * the notion), and a {@code more_like_this} clause on their words ({@link #TERMS} at most) raises the cases like them
 * by a little ({@link #WEIGHT}: about one notion form's score), within the listing's tiers. A listing without a sure
 * answer is left as it was. One more request (the listing's first hits, nothing fetched) for a listed search; every
 * page asks the same, so the pages of a search agree. Measured on every judged set (docs/relevance.md).
 */
final class ListingFeedback {

    /** The sure answers the clause is made from. */
    static final int DOCS = 3;
    /** A listed case's score per unit of likeness, so a close likeness counts about as much as one notion form. */
    static final float WEIGHT = 0.001f;
    /** The words of the sure answers the clause looks for, the rarest in the index first. */
    static final int TERMS = 12;
    /**
     * Above a listed category's every case (its tier and {@link CategoryListing#CATEGORY_ONLY_SCORE}) and a shared pair
     * of characters, below one form of the notion named: found by the words, or holding the notion.
     */
    static final double SURE = CaseSearch.INTENT_LIST_BOOST + CategoryListing.CATEGORY_ONLY_SCORE
            + (CategoryListing.PARTIAL_SCORE + CategoryListing.NOTION_SCORE) / 2;

    private ListingFeedback() {
    }

    /** On by default; off for A/B runs ({@code -Dminqing.search.listing-feedback=false}, read per search). */
    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("minqing.search.listing-feedback", "true"));
    }

    /** The listing's query with the cases like its sure answers raised, or as it was when it has none. */
    static Query raise(ElasticsearchClient client, String alias, Query listing, List<SortOptions> sort) throws IOException {
        List<String> sure = client.search(s -> s.index(alias).size(DOCS).minScore(SURE)
                .trackTotalHits(t -> t.enabled(false)).source(src -> src.fetch(false)).query(listing).sort(sort), Void.class)
                .hits().hits().stream().map(Hit::id).toList();
        if (sure.isEmpty()) {
            return listing;
        }
        Query alike = Query.of(q -> q.moreLikeThis(m -> m.fields("title", "description")
                .like(sure.stream().map(id -> Like.of(l -> l.document(d -> d.index(alias).id(id)))).toList())
                .minTermFreq(1).minDocFreq(2).maxQueryTerms(TERMS).minimumShouldMatch("1").include(true).boost(WEIGHT)));
        return Query.of(q -> q.bool(b -> b.must(listing).should(alike)));
    }
}
