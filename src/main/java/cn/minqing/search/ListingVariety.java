package cn.minqing.search;

import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A category listing (the last relaxation step) shows the range of a category's needs: within one page, a listed case
 * that repeats one shown above it (the same complaint filed again with a few words changed: 二组/三组, 老张/老李) goes
 * after the distinct ones. Only the cases listed for their category move — never what the words found — and only
 * within the page, so the pages of a search still hold the same cases and search_after goes on from the same place.
 * Which hit is which is told exactly, by the named clauses the search puts on them — {@link #LISTED} on the listing's
 * clause, {@link #FOUND_BY_WORDS} on the words' — not by a score threshold: a place named inexactly raises listed cases
 * past any threshold, and a loose word match in another category (a thesaurus form, a syllable) is neither listed nor
 * found by the words as typed, and stays where its score puts it.
 */
final class ListingVariety {

    /** The name of the query clause that marks a hit the words found (never moved). */
    static final String FOUND_BY_WORDS = "found-by-words";
    /**
     * The name of the words' match in the category step: a hit it matched in a category the query points to was found
     * by the words (the search raises it there within the match, instead of a second clause matching the text again).
     */
    static final String WORDS_MATCHED = "words-matched";
    /** The name of the listing's clause: a case of a category the query points to (moved when it repeats one above). */
    static final String LISTED = "listed-for-category";

    /** Two texts sharing this share of their character pairs are the same complaint. */
    static final double SAME = 0.6;

    private ListingVariety() {
    }

    /** The page's hits with the repeats among the listed ones (marked {@link #LISTED}, not {@link #FOUND_BY_WORDS}) moved to its end. */
    static List<Hit<CaseDocument>> distinctFirst(List<Hit<CaseDocument>> hits) {
        return distinctFirst(hits, List.of());
    }

    /** As above, a hit the words matched in one of {@code intent}, the categories listed, counting as found by them. */
    static List<Hit<CaseDocument>> distinctFirst(List<Hit<CaseDocument>> hits, List<String> intent) {
        List<Hit<CaseDocument>> first = new ArrayList<>();
        List<Hit<CaseDocument>> repeats = new ArrayList<>();
        List<Set<String>> shown = new ArrayList<>();
        for (Hit<CaseDocument> h : hits) {
            Set<String> pairs = h.source() == null ? Set.of() : pairs(h.source().title() + " " + h.source().description());
            boolean found = h.matchedQueries().contains(FOUND_BY_WORDS) || h.matchedQueries().contains(WORDS_MATCHED)
                    && h.source() != null && intent.contains(h.source().category());
            boolean listed = h.matchedQueries().contains(LISTED) && !found;
            if (listed && shown.stream().anyMatch(s -> overlap(s, pairs) >= SAME)) {
                repeats.add(h);
            } else {
                first.add(h);
                shown.add(pairs);
            }
        }
        first.addAll(repeats);
        return first;
    }

    /** The text's pairs of adjacent Chinese characters (digits and group numbers aside). */
    static Set<String> pairs(String text) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (Character.UnicodeScript.of(a) == Character.UnicodeScript.HAN && Character.UnicodeScript.of(b) == Character.UnicodeScript.HAN) {
                pairs.add(text.substring(i, i + 2));
            }
        }
        return pairs;
    }

    /** Jaccard overlap of two pair sets. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = b.stream().filter(a::contains).count();
        return common / (double) (a.size() + b.size() - common);
    }
}
