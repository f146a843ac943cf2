package cn.minqing.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.List;

/**
 * The last relaxation step's listing: the cases of the categories the query points to, matching none of its words,
 * listed after every text match. Those sharing a part of the query (a character pair) come first, then those using
 * another form of a thesaurus entry the query mentions, then those using more of the category's own vocabulary (its
 * name, keywords and thesaurus forms: its typical needs as the county words them); the words that stand out in the
 * index only break ties. The clause is named {@link ListingVariety#LISTED}.
 */
final class CategoryListing {

    /** A case of a category the query points to, matching none of its words: listed after every text match. */
    static final float CATEGORY_ONLY_SCORE = 0.01f;
    /** Such a case sharing a character pair with the query comes first among them. */
    static final float PARTIAL_SCORE = 0.005f;
    /** Each other form of a thesaurus entry the query mentions that such a case uses: above a shared character pair. */
    static final float NOTION_SCORE = 0.006f;
    static final int MAX_NOTION_FORMS = 60;
    /** Each form of an entry akin to one the query mentions ({@link Thesaurus#kinOf}): between a shared pair and the notion. */
    static final float KIN_SCORE = 0.0055f;
    /** Each form of the category's own vocabulary that such a case uses raises it a little. */
    static final float VOCABULARY_SCORE = 0.0005f;
    /** Each word that stands out in the category in the index: a tie-break (at most 0.006 in all). */
    static final float TYPICAL_WORD_SCORE = 0.0002f;
    /** At most this many forms of the categories' vocabulary (shared out among them) order a listing: each is a phrase clause per field. */
    static final int MAX_VOCABULARY = 300;

    private CategoryListing() {
    }

    /** The listing of {@code categories} for query {@code q} (and its 同音纠错 reading, or null) in index {@code alias}. */
    static Query query(List<String> categories, String q, String corrected, CategoryIntent categoryIntent,
                       Thesaurus thesaurus, String alias) {
        List<String> typical = categories.stream().flatMap(c -> categoryIntent.typicalWords(c, alias).stream())
                .distinct().toList();
        int perCategory = MAX_VOCABULARY / Math.max(1, categories.size());
        List<String> vocabulary = categories.stream()
                .flatMap(c -> categoryIntent.vocabulary(c, alias).stream().limit(perCategory)).distinct().toList();
        String partial = corrected == null ? q : q + " " + corrected;
        // the notion the query names, in the words of its thesaurus entries (婚姻家庭矛盾 → 离婚, 彩礼纠纷, 夫妻吵架 …)
        List<Thesaurus.Entry> named = thesaurus.mentionedIn(partial).stream()
                .filter(e -> categories.contains(e.category())).toList();
        List<String> notion = named.stream().flatMap(e -> e.forms().stream())
                .filter(f -> f.length() >= Thesaurus.MIN_FORM_LENGTH && !partial.contains(f)).distinct()
                .limit(MAX_NOTION_FORMS).toList();
        // the same need compiled apart (特困供养 → 特困人员认定: 无儿无女, 孤身一人 …), a little below the notion named
        List<String> kin = named.stream().flatMap(e -> thesaurus.kinOf(e).stream()).flatMap(e -> e.forms().stream())
                .filter(f -> f.length() >= Thesaurus.MIN_FORM_LENGTH && !partial.contains(f) && !notion.contains(f))
                .distinct().limit(MAX_NOTION_FORMS).toList();
        return Query.of(query -> query.bool(c -> {
            c.queryName(ListingVariety.LISTED);
            c.filter(f -> f.terms(t -> t.field("category").terms(v -> v.value(categories.stream()
                    .map(FieldValue::of).toList()))));
            c.should(s -> s.constantScore(cs -> cs.boost(CATEGORY_ONLY_SCORE).filter(f -> f.matchAll(a -> a))));
            c.should(s -> s.constantScore(cs -> cs.boost(PARTIAL_SCORE).filter(f -> f.multiMatch(mm -> mm.query(partial)
                    .fields("title.bigram", "description.bigram").minimumShouldMatch("1")))));
            notion.forEach(word -> c.should(s -> s.constantScore(cs -> cs.boost(NOTION_SCORE)
                    .filter(f -> f.multiMatch(mm -> mm.query(word).type(TextQueryType.Phrase).fields("title", "description"))))));
            kin.forEach(word -> c.should(s -> s.constantScore(cs -> cs.boost(KIN_SCORE)
                    .filter(f -> f.multiMatch(mm -> mm.query(word).type(TextQueryType.Phrase).fields("title", "description"))))));
            vocabulary.forEach(word -> c.should(s -> s.constantScore(cs -> cs.boost(VOCABULARY_SCORE)
                    .filter(f -> f.multiMatch(mm -> mm.query(word).type(TextQueryType.Phrase).fields("title", "description"))))));
            typical.forEach(word -> c.should(s -> s.constantScore(cs -> cs.boost(TYPICAL_WORD_SCORE)
                    .filter(f -> f.term(t -> t.field("description").value(word))))));
            return c;
        }));
    }
}
