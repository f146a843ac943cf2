package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a query's category is read (the longest form wins; a long form in two pieces counts) and how a category
 * listing shows a category's range of needs (repeats after the distinct ones), without the app.
 */
class CategoryListingTest {

    @Test
    void aLongFormCountsWhenAWordStandsBetweenItsTwoPieces() {
        CategoryIntent.Mention m = CategoryIntent.Mention.find("农业生产用水", "农业用水", "irrigation", 1.5);
        assertThat(m).isNotNull();
        assertThat(m.at().cardinality()).isEqualTo(6);
        // pieces too far apart are two other words; a short form must be whole
        assertThat(CategoryIntent.Mention.find("农业上的事情和家里用水", "农业用水", "irrigation", 1.5)).isNull();
        assertThat(CategoryIntent.Mention.find("用了水", "用水", "water", 1.5)).isNull();
    }

    @Test
    void aFormInsideALongerFormOfAnotherCategoryDoesNotCount() {
        CategoryIntent.Mention longer = CategoryIntent.Mention.find("农业生产用水", "农业用水", "irrigation", 1.5);
        CategoryIntent.Mention inside = CategoryIntent.Mention.find("农业生产用水", "用水", "water", 1.5);
        assertThat(longer.covers(inside)).isTrue();
        assertThat(inside.covers(longer)).isFalse();
        CategoryIntent.Mention officialese = CategoryIntent.Mention.find("推诿扯皮", "推诿扯皮", "other", 2.0);
        assertThat(officialese.covers(CategoryIntent.Mention.find("推诿扯皮", "扯皮", "security", 2.0))).isTrue();
        // the same category adds up; a form beside (not inside) the longer one still counts
        assertThat(longer.covers(CategoryIntent.Mention.find("农业生产用水", "农业", "irrigation", 1.5))).isFalse();
        assertThat(CategoryIntent.Mention.find("老人没人管", "老人", "elderly", 1.5)
                .covers(CategoryIntent.Mention.find("老人没人管", "没人管", "education", 2.0))).isFalse();
    }

    @Test
    void aListedCaseRepeatingOneAboveGoesAfterTheDistinctOnes() {
        List<Hit<CaseDocument>> page = List.of(
                found("1", 310, "路面坑洼", "进村的路烂完了，下雨全是泥"),
                hit("2", 100.02, "路口要装减速带", "一组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"),
                hit("3", 100.02, "二组路口要装减速带", "二组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"),
                hit("4", 100.01, "桥栏杆断了", "河上那座桥的栏杆断了两截，晚上看不见"),
                hit("5", 100.01, "路口要装减速带", "五组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"));
        assertThat(ListingVariety.distinctFirst(page).stream().map(Hit::id)).containsExactly("1", "2", "4", "3", "5");
    }

    @Test
    void listedHitsAreToldByTheirMarkNotByTheirScore() {
        // a place named inexactly raises its listed cases by 1000, and a loose match can score little: only the
        // mark of the words' clause says which hit the words found
        List<Hit<CaseDocument>> page = List.of(
                hit("1", 1100.02, "路口要装减速带", "一组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"),
                hit("2", 1100.02, "二组路口要装减速带", "二组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"),
                hit("3", 1100.01, "桥栏杆断了", "河上那座桥的栏杆断了两截，晚上看不见"),
                found("4", 150, "三组路口要装减速带", "三组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"),
                hit("5", 50, "路面坑洼", "进村的路烂完了，下雨全是泥"),
                // a loose match in another category (a thesaurus form): neither listed nor found as typed, never moved
                loose("6", 40, "四组路口要装减速带", "四组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"),
                hit("7", 30, "五组路口要装减速带", "五组路口车开得很快，小孩子放学乱跑，建议装个减速带和警示牌。"));
        assertThat(ListingVariety.distinctFirst(page).stream().map(Hit::id)).containsExactly("1", "3", "4", "5", "6", "2", "7");
    }

    @Test
    void whatTheWordsFoundNeverMoves() {
        List<Hit<CaseDocument>> page = List.of(
                found("1", 320, "自来水停了", "三组自来水停了两天"),
                found("2", 310, "自来水停了", "三组自来水停了三天"),
                hit("3", 100.01, "水费太贵", "水费一个月一百多"),
                found("4", 90, "自来水停了", "三组自来水停了四天"));
        assertThat(ListingVariety.distinctFirst(page).stream().map(Hit::id)).containsExactly("1", "2", "3", "4");
    }

    @Test
    void aListedHitTheWordsMatchedInACategoryListedNeverMoves() {
        // the category step raises the words' match in the categories listed within that match (21st session): such a
        // hit carries the match's mark and the listing's, not the words-found clause's
        List<Hit<CaseDocument>> page = List.of(
                matched("1", 320, "自来水停了", "三组自来水停了两天"),
                matched("2", 310, "自来水停了", "三组自来水停了三天"),
                hit("3", 100.02, "水费太贵", "水费一个月一百多"),
                hit("4", 100.01, "水费太贵", "水费一个月一百多块"),
                matched("5", 100.005, "自来水停了", "三组自来水停了四天"));
        assertThat(ListingVariety.distinctFirst(page, List.of("road")).stream().map(Hit::id))
                .containsExactly("1", "2", "3", "5", "4");
        // in no category listed, the match's mark alone says nothing: a repeat moves
        assertThat(ListingVariety.distinctFirst(page, List.of("water")).stream().map(Hit::id))
                .containsExactly("1", "3", "2", "4", "5");
    }

    /** A hit the words matched in the category step: the match's mark and the listing's. */
    private static Hit<CaseDocument> matched(String id, double score, String title, String description) {
        return marked(id, score, title, description, ListingVariety.WORDS_MATCHED, ListingVariety.LISTED);
    }

    /** A hit the words found in a category the query points to: both clauses mark it. */
    private static Hit<CaseDocument> found(String id, double score, String title, String description) {
        return marked(id, score, title, description, ListingVariety.FOUND_BY_WORDS, ListingVariety.LISTED);
    }

    /** A hit only listed for its category. */
    private static Hit<CaseDocument> hit(String id, double score, String title, String description) {
        return marked(id, score, title, description, ListingVariety.LISTED);
    }

    /** A loose text match elsewhere: no mark. */
    private static Hit<CaseDocument> loose(String id, double score, String title, String description) {
        return marked(id, score, title, description);
    }

    private static Hit<CaseDocument> marked(String id, double score, String title, String description, String... marks) {
        CaseDocument d = new CaseDocument(id, title, description, "road", null, null, null, null, null, List.of(), "received",
                null, null, null, false, 0, null, null, null, null, null, null, null, false, null, 0, "app");
        return Hit.of(h -> h.index("cases").id(id).score(score).source(d).matchedQueries(List.of(marks)));
    }
}
