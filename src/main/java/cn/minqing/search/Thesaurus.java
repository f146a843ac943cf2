package cn.minqing.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain thesaurus (三农/民生): an official term (农产品滞销) bound to the colloquial phrases, dialect words
 * and other official names people use for it (卖不掉, 没人收, 烂在地里 …), with the category it points to and
 * its source. Data in minqing.search_thesaurus, edited at /api/admin/thesaurus; searches apply it at once,
 * with a lower weight than the words typed.
 */
@Component
class Thesaurus {

    /** One entry; {@code category} may be null. */
    record Entry(String term, List<String> variants, String category, String source) {

        /** The term first, then its variants. */
        List<String> forms() {
            List<String> forms = new ArrayList<>(List.of(term));
            variants.stream().filter(v -> !v.equals(term)).forEach(forms::add);
            return forms;
        }
    }

    /** A query rewritten with another form of an entry it mentions, and the entry's category. */
    record Expansion(String text, String category) {
    }

    static final int MIN_FORM_LENGTH = 2;
    private static final int MAX_EXPANSIONS = 12;
    private final JdbcClient jdbc;
    private volatile List<Entry> entries;

    Thesaurus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> entries() {
        List<Entry> loaded = entries;
        if (loaded == null) {
            loaded = jdbc.sql("select term, variants, category, source from minqing.search_thesaurus order by id")
                    .query((rs, i) -> new Entry(rs.getString(1), split(rs.getString(2)), rs.getString(3), rs.getString(4)))
                    .list();
            entries = loaded;
        }
        return loaded;
    }

    /** The entries whose term or a variant the query contains. */
    List<Entry> mentionedIn(String query) {
        return entries().stream().filter(e -> e.forms().stream()
                .anyMatch(f -> f.length() >= MIN_FORM_LENGTH && query.contains(f))).toList();
    }

    /**
     * The query with each mentioned form replaced by the entry's other forms (the query itself not included), at most
     * {@value #MAX_EXPANSIONS}: the mentioned entries in file order, each mentioned form's rewrites in turn.
     * {@code -Dminqing.search.thesaurus-order=specific} (read per search) gives the most specific mentions first
     * instead — measured in the 10th session and not kept (docs/relevance.md).
     */
    List<Expansion> expansions(String query) {
        if (SPECIFIC.equals(System.getProperty(ORDER_PROPERTY))) {
            return mostSpecificFirst(query);
        }
        return inFileOrder(query);
    }

    static final String ORDER_PROPERTY = "minqing.search.thesaurus-order";
    static final String SPECIFIC = "specific";

    /** A form of an entry that the query contains, at these spans. */
    private record Mention(int entry, String form, List<int[]> spans) {

        /** Every span of this mention lies inside a longer span of one of {@code others} (an entry, or any). */
        boolean inside(List<Mention> others) {
            return spans.stream().allMatch(s -> others.stream().filter(o -> o.form.length() > form.length())
                    .anyMatch(o -> o.spans.stream().anyMatch(t -> t[0] <= s[0] && s[1] <= t[1])));
        }
    }

    /**
     * The most specific mentions first: a mention lying inside a longer mention of another entry (吃水 in 吃水难, 没信号
     * in 手机没信号) yields — its rewrites come after those of every mention that does not — and one lying inside a
     * longer form of its own entry (来水 in 自来水, 信号 in 没信号) gives none, since replacing it only breaks the longer
     * form (自 吃水). Entries mentioned alike keep file order.
     */
    private List<Expansion> mostSpecificFirst(String query) {
        List<Entry> all = entries();
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (String form : all.get(i).forms()) {
                if (form.length() >= MIN_FORM_LENGTH && query.contains(form)) {
                    mentions.add(new Mention(i, form, spans(query, form)));
                }
            }
        }
        Map<Integer, List<Expansion>> first = new LinkedHashMap<>();
        Map<Integer, List<Expansion>> yielding = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.inside(mentions.stream().filter(o -> o.entry == m.entry).toList())) {
                continue;
            }
            Entry e = all.get(m.entry);
            List<Expansion> rewrites = (m.inside(mentions) ? yielding : first)
                    .computeIfAbsent(m.entry, k -> new ArrayList<>());
            for (String other : e.forms()) {
                if (!query.contains(other)) {
                    rewrites.add(new Expansion(query.replace(m.form, " " + other + " ").strip(), e.category()));
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Expansion> out = new ArrayList<>();
        for (Map<Integer, List<Expansion>> group : List.of(first, yielding)) {
            group.values().stream().flatMap(List::stream).filter(x -> out.size() < MAX_EXPANSIONS && seen.add(x.text()))
                    .forEach(out::add);
        }
        return out;
    }

    private static List<int[]> spans(String query, String form) {
        List<int[]> spans = new ArrayList<>();
        for (int at = query.indexOf(form); at >= 0; at = query.indexOf(form, at + 1)) {
            spans.add(new int[] {at, at + form.length()});
        }
        return spans;
    }

    /** The mentioned entries in file order, each mentioned form's rewrites in turn (the rule since the thesaurus came). */
    private List<Expansion> inFileOrder(String query) {
        Set<String> seen = new LinkedHashSet<>();
        List<Expansion> out = new ArrayList<>();
        for (Entry e : mentionedIn(query)) {
            for (String form : e.forms()) {
                if (form.length() < MIN_FORM_LENGTH || !query.contains(form)) {
                    continue;
                }
                for (String other : e.forms()) {
                    String text = query.replace(form, " " + other + " ").strip();
                    if (!query.contains(other) && seen.add(text) && out.size() < MAX_EXPANSIONS) {
                        out.add(new Expansion(text, e.category()));
                    }
                }
            }
        }
        return out;
    }

    /** Every form of the entry that has {@code word} as a form, or just the word: hot topics count them as one. */
    String topicOf(String word) {
        return entries().stream().filter(e -> e.forms().contains(word)).map(Entry::term).findFirst().orElse(word);
    }

    @Transactional
    void replace(List<Entry> newEntries) {
        jdbc.sql("delete from minqing.search_thesaurus").update();
        for (Entry e : newEntries) {
            jdbc.sql("insert into minqing.search_thesaurus (term, variants, category, source) values (?, ?, ?, ?)")
                    .params(e.term().strip(), String.join(",", e.variants()), e.category(),
                            e.source() == null ? "" : e.source().strip()).update();
        }
        entries = null;
    }

    static List<String> split(String variants) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(variants.split("[,，、]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).toList()));
    }
}
