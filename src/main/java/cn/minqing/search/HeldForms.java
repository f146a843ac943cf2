package cn.minqing.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The thesaurus forms and narrower notions a report holds as written or as read (同音纠错), looked up in the forms it
 * was indexed with ({@code forms}, filled by {@link CaseDocuments}): a term look-up where a phrase on the words fields
 * read 没人要 as 人 alone (没 and 要 are stop words).
 */
final class HeldForms {

    /**
     * What holding a concrete notion under the broad one typed adds, the same in every report (a term look-up scores
     * no frequency): a phrase match at 0.3 of the typed words, as these notions were matched until the 17th session,
     * scored about 2–5. Measured 3, 6 and 10 on every judged set (docs/relevance.md, 17th session): 10 best or level
     * on all but one (blind5 −0.002), kept.
     */
    static final float NARROWER_SCORE = 10f;
    /**
     * What holding a narrower notion in that notion's own category adds on top ({@link #narrowerInOwnCategory}): every
     * holder scored the same 10, and ties went to index order, so the demo county's reports saying 没人管 (a form of
     * 不作为, under 干部作风) in a water or sanitation case stood above a cadre-conduct report saying 拖着不办. Measured
     * on every judged set (docs/relevance.md, 21st session): 2 and 5 each better than none, 5 best (blind16 +0.012,
     * blind9 +0.009, blind13 +0.004; blind7 −0.003; 5 over 2: blind19 +0.004, blind20 +0.003). Counting such notions
     * only in their own category cost the relax class on twelve sets (blind8 −0.031, blind12 −0.032): a broad
     * notion's reports often hold a narrower one filed elsewhere.
     */
    static final float OWN_CATEGORY_SCORE = 5f;

    private HeldForms() {
    }

    /** The reports indexed as holding one of these thesaurus forms or narrower notions. */
    static Query any(List<String> phrases) {
        return Query.of(q -> q.terms(t -> t.field("forms").terms(v -> v.value(phrases.stream()
                .map(p -> FieldValue.of(p.toLowerCase(Locale.ROOT))).toList()))));
    }

    /**
     * A report naming a concrete notion under the broad one typed (一老一小 → 留守儿童, 独居老人 …), in any category, as
     * written or as read: one term look-up, every such report alike — a phrase clause for each notion cost a broad
     * search about half its time and had to stop at forty, so the notions a thesaurus round put first crowded out the
     * later ones (docs/search.md).
     */
    static Query narrower(List<String> phrases) {
        return Query.of(q -> q.constantScore(c -> c.filter(any(phrases)).boost(NARROWER_SCORE)));
    }

    /**
     * The reports holding one of these narrower notions' forms in that notion's own category ({@code categoryOf} a
     * form; 不作为's 没人管 in a cadre-conduct report, not in a sanitation report that nobody clears), scored
     * {@link #OWN_CATEGORY_SCORE}; a notion the thesaurus does not hold counts in any category.
     */
    static Query narrowerInOwnCategory(List<String> forms, Function<String, String> categoryOf) {
        Map<String, List<String>> byCategory = forms.stream().collect(Collectors.groupingBy(
                f -> Objects.requireNonNullElse(categoryOf.apply(f), ""), LinkedHashMap::new, Collectors.toList()));
        Query held = Query.of(q -> q.bool(b -> {
            byCategory.forEach((category, these) -> b.should(category.isEmpty() ? any(these)
                    : Query.of(x -> x.bool(y -> y.filter(any(these))
                            .filter(f -> f.term(t -> t.field("category").value(category)))))));
            return b.minimumShouldMatch("1");
        }));
        return Query.of(q -> q.constantScore(c -> c.filter(held).boost(OWN_CATEGORY_SCORE)));
    }
}
