package cn.minqing.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Like;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;

/**
 * When a search finds fewer cases than a page, the cases worded like the first it found are shown after them
 * (pseudo-relevance feedback, 26th session): 野相吃庄稼 (野象 mistyped) finds one report by its words, and the reports
 * worded like it (野象损失登记了没下文, 大象吃甘蔗赔得太少) now follow it. The first {@link #DOCS} found lend their rarest
 * words ({@link #TERMS}) to a {@code more_like_this} query, inside the same filters (the searcher's scope first). The
 * answer keeps them apart ({@code alike}, {@link SearchResult}): its {@code total}, hits and facets stay what the search
 * matched, so a plan linking a search's cases or a client counting them is not misled. Two requests more (a count of
 * the index, the likeness), only for a first page that found one to nine cases. Judged on every set (docs/relevance.md,
 * 26th session); {@code -Dminqing.search.few-found-alike=false} (read per search) turns it off.
 */
final class FewFoundAlike {

    /** Fewer cases found than this (a page of the search page) and the cases like them follow. */
    static final int FEWER_THAN = 10;
    /** The first cases found that lend their words (5 measured: no better). */
    static final int DOCS = 3;
    /** The words of those cases looked for, the rarest in the index first (12 measured: less). */
    static final int TERMS = 20;
    /** Words a case shares with them to follow them (30 % measured: most of the gain lost). */
    static final String SHARED = "2";
    /** At most this many cases worded like them are shown. */
    static final int SHOWN = 10;

    private FewFoundAlike() {
    }

    static boolean on() {
        return !"false".equals(System.getProperty("minqing.search.few-found-alike"));
    }

    /**
     * A word in more of the index's cases than this share of them (or {@link #COMMON_FLOOR}) lends no likeness. Without
     * it, at a million made-up cases (copies of the demo county's reports) a case found alone was followed by 93,000 to
     * 253,000 cases sharing two of its words, and the search took 60–127 ms instead of about 20; with 2 % the same
     * likeness matched 11,000–22,000 cases in 5–11 ms of Elasticsearch's time (docs/performance.md, 26th session).
     */
    static final double COMMON_SHARE = 0.02;
    /** A small index (a new county, a judged set's 500 cases) keeps every word used by fewer cases than this. */
    static final int COMMON_FLOOR = 200;

    /** A case worded like {@code first}; {@code cases}: how many the index holds. */
    static Query clause(String alias, List<String> first, long cases) {
        int common = (int) Math.min(Integer.MAX_VALUE, Math.max(COMMON_FLOOR, (long) (cases * COMMON_SHARE)));
        return Query.of(q -> q.moreLikeThis(m -> m.fields("title", "description")
                .like(first.stream().map(id -> Like.of(l -> l.document(d -> d.index(alias).id(id)))).toList())
                .minTermFreq(1).minDocFreq(2).maxDocFreq(common).maxQueryTerms(TERMS).minimumShouldMatch(SHARED)
                .include(true)));
    }
}
