package cn.minqing.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
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

    /**
     * One entry; {@code category} may be null. {@code narrower}: the concrete notions a broad one covers (防灾减灾 →
     * 山体滑坡, 内涝, 台风 …), other entries' terms or phrases reports contain; empty for most entries.
     */
    record Entry(String term, List<String> variants, String category, String source, List<String> narrower) {

        Entry(String term, List<String> variants, String category, String source) {
            this(term, variants, category, source, List.of());
        }

        Entry {
            narrower = narrower == null ? null : List.copyOf(narrower);
        }

        /** The term first, then its variants. */
        List<String> forms() {
            List<String> forms = new ArrayList<>(List.of(term));
            variants.stream().filter(v -> !v.equals(term)).forEach(forms::add);
            return forms;
        }
    }

    /**
     * The query with a form it mentions replaced by another form of the same entry ({@code text}), and that other form
     * alone ({@code form}), with the entry's category: the rest of the query (人员供养 of 特困人员供养) is often
     * officialese no report uses.
     */
    record Expansion(String text, String category, String form) {

        Expansion(String text, String category) {
            this(text, category, text);
        }
    }

    static final int MIN_FORM_LENGTH = 2;
    /** The shortest term that other terms ending in it are kinds of ({@link Loaded#kinds}). */
    static final int MIN_KIND_HEAD = 3;

    /** At most this many narrower notions per entry (what the admin API takes and the shipped file keeps to). */
    static final int MAX_NARROWER_PER_ENTRY = 40;
    private static final int MAX_EXPANSIONS = 12;
    private final JdbcClient jdbc;
    private volatile Loaded loaded;
    /** Raised when an edit commits: a load that began before it (and read the entries as they were) is not kept. */
    private final java.util.concurrent.atomic.AtomicLong edits = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Edits whose transaction has begun and not yet completed. While one runs, nothing loaded is kept: between its
     * commit and the end of its transaction the outbox indexer may already index the cases it queued (woken by the
     * commit, or by its poll), and must read the entries as committed, not a copy loaded before.
     */
    private final java.util.concurrent.atomic.AtomicInteger editing = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The entries as read, with two look-ups built once per load: the entries by the first two characters of each of
     * their forms (a query holding a form, whole or in two pieces, holds its first two characters), and each form's
     * first entry's term (hot topics), and the entries by term (narrower notions); the terms lower-cased (completions
     * are), and the entries by each pair of characters their term holds (akin entries, {@link #kinOf}).
     */
    private record Loaded(List<Entry> entries, Map<String, BitSet> byOpening, Map<String, String> topics,
                          Map<String, Entry> byTerm, Set<String> phrases, int longest,
                          Map<String, List<String>> phrasesByPair, Map<String, List<String>> kinds,
                          Set<String> terms, Map<String, BitSet> byTermPart) {

        static Loaded of(List<Entry> entries) {
            Map<String, BitSet> byOpening = new HashMap<>();
            Map<String, String> topics = new HashMap<>();
            Map<String, Entry> byTerm = new HashMap<>();
            Set<String> phrases = new java.util.HashSet<>();
            Set<String> terms = new java.util.HashSet<>();
            Map<String, BitSet> byTermPart = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                byTerm.putIfAbsent(e.term(), e);
                terms.add(e.term().toLowerCase(java.util.Locale.ROOT));
                for (int p = 0; p + 2 <= e.term().length(); p++) {
                    byTermPart.computeIfAbsent(e.term().substring(p, p + 2), k -> new BitSet()).set(i);
                }
                for (String form : e.forms()) {
                    topics.putIfAbsent(form, e.term());
                    if (form.length() >= MIN_FORM_LENGTH) {
                        byOpening.computeIfAbsent(form.substring(0, 2), k -> new BitSet()).set(i);
                        phrases.add(form.toLowerCase(java.util.Locale.ROOT));
                    }
                }
                (e.narrower() == null ? List.<String>of() : e.narrower()).stream().filter(n -> n.length() >= MIN_FORM_LENGTH)
                        .forEach(n -> phrases.add(n.toLowerCase(java.util.Locale.ROOT)));
            }
            int longest = phrases.stream().mapToInt(String::length).max().orElse(0);
            return new Loaded(List.copyOf(entries), byOpening, topics, byTerm, Set.copyOf(phrases), longest,
                    byPair(phrases), kinds(entries, byTerm.keySet()), Set.copyOf(terms), byTermPart);
        }

        /**
         * The terms that name a kind of another term by ending in it (a Chinese compound's head is its last word):
         * 煤矿安全生产 is a kind of 安全生产, 草原生态保护 of 生态保护. Only terms of {@value #MIN_KIND_HEAD} characters or
         * more head others: 安全 or 补贴 at the end of a term says too little. In file order.
         */
        private static Map<String, List<String>> kinds(List<Entry> entries, Set<String> terms) {
            Map<String, List<String>> kinds = new HashMap<>();
            for (String term : entries.stream().map(Entry::term).distinct().toList()) {
                for (int k = 1; term.length() - k >= MIN_KIND_HEAD; k++) {
                    String head = term.substring(k);
                    if (terms.contains(head)) {
                        kinds.computeIfAbsent(head, x -> new ArrayList<>()).add(term);
                    }
                }
            }
            return kinds;
        }

        /** The phrases by each pair of characters they hold: a phrase holding a query holds every pair of it. */
        private static Map<String, List<String>> byPair(Set<String> phrases) {
            Map<String, List<String>> byPair = new HashMap<>();
            for (String phrase : phrases) {
                Set<String> pairs = new java.util.HashSet<>();
                for (int i = 0; i + 2 <= phrase.length(); i++) {
                    pairs.add(phrase.substring(i, i + 2));
                }
                pairs.forEach(pair -> byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(phrase));
            }
            return byPair;
        }
    }

    Thesaurus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> entries() {
        return load().entries();
    }

    /**
     * Another instance of the app (or another context sharing the database) may have replaced the entries: the copy is
     * checked against the table's newest id (an edit writes every entry anew) at most once a second, and by the outbox
     * indexer before each batch ({@link #checkForEdits}), which must index the cases an edit queued with its phrases.
     */
    private static final long CHECK_NANOS = 1_000_000_000L;
    private volatile long checkedAt = System.nanoTime();
    private volatile long loadedStamp;

    /** Drops the loaded copy if the entries were replaced since it was read (by this instance or another). */
    void checkForEdits() {
        checkedAt = System.nanoTime() - CHECK_NANOS - 1;
        load();
    }

    /** The newest id of the entries: every edit writes them all anew, so it changes with each. */
    long stamp() {
        return jdbc.sql("select coalesce(max(id), 0) from minqing.search_thesaurus").query(Long.class).single();
    }

    private Loaded load() {
        Loaded known = loaded;
        if (known != null && System.nanoTime() - checkedAt > CHECK_NANOS) {
            checkedAt = System.nanoTime();
            if (stamp() != loadedStamp) {
                loaded = null;
                known = null;
            }
        }
        if (known == null) {
            long before = edits.get();
            boolean quiet = editing.get() == 0;
            long stamp = stamp();
            known = Loaded.of(read());
            if (quiet && editing.get() == 0 && edits.get() == before) {
                loadedStamp = stamp;
                checkedAt = System.nanoTime();
                loaded = known;
            }
        }
        return known;
    }

    /** The entries as stored, in file order. */
    List<Entry> read() {
        return jdbc.sql("select term, variants, category, source, narrower from minqing.search_thesaurus order by id")
                .query((rs, i) -> new Entry(rs.getString(1), split(rs.getString(2)), rs.getString(3), rs.getString(4),
                        split(rs.getString(5))))
                .list();
    }

    /**
     * The entries, in file order, that have a form (two characters or more) whose first two characters the query
     * holds: every entry the query can mention, whole or in pieces, and few others.
     */
    List<Entry> openedIn(String query) {
        Loaded known = load();
        BitSet hit = new BitSet(known.entries().size());
        for (int i = 0; i + 2 <= query.length(); i++) {
            BitSet at = known.byOpening().get(query.substring(i, i + 2));
            if (at != null) {
                hit.or(at);
            }
        }
        List<Entry> out = new ArrayList<>(hit.cardinality());
        hit.stream().forEach(e -> out.add(known.entries().get(e)));
        return out;
    }

    /** The entries whose term or a variant the query contains. */
    List<Entry> mentionedIn(String query) {
        return openedIn(query).stream().filter(e -> e.forms().stream()
                .anyMatch(f -> f.length() >= MIN_FORM_LENGTH && query.contains(f))).toList();
    }

    /**
     * The forms that hold the whole query, when it holds none itself (生态保护 → 草原生态保护,
     * 海洋生态保护 …): a leader often types what several official notions have in common, which then names them. Only
     * a query of {@value #MIN_COMPLETED} characters or more, in one piece, ending forms of two notions or more;
     * the shortest forms first, at most {@code max}.
     */
    List<String> completionsOf(String query, int max) {
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        if (q.length() < MIN_COMPLETED || q.chars().anyMatch(Character::isWhitespace) || !mentionedIn(q).isEmpty()) {
            return List.of();
        }
        Loaded known = load();
        // forms ending in the query only: a compound's head is its last word, so 草原生态保护 is a kind of 生态保护 and
        // 生态保护补偿 a kind of 补偿 (a payment, filed under subsidy, which took a completion's place in the 17th round)
        List<String> holding = phrasesHolding(q).stream().filter(f -> f.endsWith(q))
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(f -> f)).limit(max).toList();
        // one notion holding it may be that notion cut short or a narrower one (基础设施 in 基础设施短板, which is about
        // roads); several distinct notions holding it share it as what they have in common
        long notions = holding.stream().map(f -> known.topics().getOrDefault(f, f)).distinct().count();
        return notions >= 2 ? holding : List.of();
    }

    /**
     * The phrases (forms and narrower notions, lower-cased) longer than {@code q} (two characters or more) that hold
     * it. Only the phrases holding its rarest pair of characters can: the whole thesaurus, some 12,000 phrases, was
     * scanned on every search that asked, a few milliseconds of CPU each.
     */
    List<String> phrasesHolding(String q) {
        Loaded known = load();
        List<String> candidates = null;
        for (int i = 0; i + 2 <= q.length(); i++) {
            List<String> withPair = known.phrasesByPair().get(q.substring(i, i + 2));
            if (withPair == null) {
                return List.of();
            }
            if (candidates == null || withPair.size() < candidates.size()) {
                candidates = withPair;
            }
        }
        return candidates == null ? List.of()
                : candidates.stream().filter(f -> f.length() > q.length() && f.contains(q)).toList();
    }

    /**
     * The forms a one-piece query names with a word more (巩固拓展脱贫攻坚成果 for 巩固脱贫攻坚成果, 特困人员供养 for
     * 特困供养, 农网改造升级 for 农网升级): the form is the query with one run of one or two characters taken out,
     * neither its first two nor its last two; four characters or more. Leaders write official notions so, and the
     * notion's forms then answer the whole query, not only what is left of it beside a shorter form it holds. A query
     * that is a form or narrower notion itself names that (村务公开 is no 村务不公开). The other way round — the form
     * holding a word more than the query (电力保障 for 电力供应保障, 野象赔偿 for 野象损失赔偿) — was measured and not
     * kept: it narrows what the leader asked (docs/relevance.md, 22nd session). The shortest first, at most
     * {@code max}, one per entry.
     */
    List<String> gappedFormsOf(String query, int max) {
        String q = query.strip().toLowerCase(java.util.Locale.ROOT);
        Loaded known = load();
        if (q.length() < MIN_COMPLETED + 1 || q.chars().anyMatch(Character::isWhitespace) || known.phrases().contains(q)) {
            return List.of();
        }
        List<String> opening = known.phrasesByPair().getOrDefault(q.substring(0, 2), List.of());
        Set<String> terms = new java.util.HashSet<>();
        return opening.stream().filter(f -> f.length() >= MIN_COMPLETED && known.topics().containsKey(f)
                        && !q.contains(f) && withARunOut(q, f))
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(f -> f))
                .filter(f -> terms.add(known.topics().get(f))).limit(max).toList();
    }

    /** {@code shorter} is {@code longer} with one run of one or two characters taken out, its first two and last two kept. */
    static boolean withARunOut(String longer, String shorter) {
        int d = longer.length() - shorter.length();
        if (d < 1 || d > 2 || shorter.length() < MIN_COMPLETED) {
            return false;
        }
        for (int p = 2; p + d + 2 <= longer.length(); p++) {
            if (longer.startsWith(shorter.substring(0, p)) && longer.substring(p + d).equals(shorter.substring(p))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entries of the same category whose term shares a distinctive part with this entry's term (特困供养 →
     * 特困人员认定, 分散供养; 临时救助 → 急难型临时救助): the same need, compiled apart. A part of two characters counts
     * when the terms of at most {@value #KIN_TERMS} entries hold it (作风, 特困, 供养; not 农村, 管理).
     */
    List<Entry> kinOf(Entry entry) {
        Loaded known = load();
        String term = entry.term();
        BitSet kin = new BitSet(known.entries().size());
        for (int p = 0; p + 2 <= term.length(); p++) {
            BitSet holding = known.byTermPart().get(term.substring(p, p + 2));
            if (holding != null && holding.cardinality() <= KIN_TERMS) {
                kin.or(holding);
            }
        }
        List<Entry> out = new ArrayList<>();
        kin.stream().mapToObj(known.entries()::get).filter(e -> e != entry && !e.term().equals(term)
                && java.util.Objects.equals(e.category(), entry.category())).forEach(out::add);
        return out;
    }

    /** A part of a term held by more entries' terms than this is common (农村, 补贴): it makes no kin. */
    static final int KIN_TERMS = 5;

    /** Whether this phrase (as written or lower-cased, as the completions are) is an entry's term, not only a variant. */
    boolean isTerm(String phrase) {
        return load().terms().contains(phrase.toLowerCase(java.util.Locale.ROOT));
    }

    /** The category of the first entry that has this form, or null (a narrower notion only, or no form). */
    String categoryOf(String form) {
        Loaded known = load();
        String term = known.topics().get(form);
        Entry e = term == null ? null : known.byTerm().get(term);
        return e == null ? null : e.category();
    }

    /** A query this long or longer may be completed to the forms that hold it ({@link #completionsOf}). */
    static final int MIN_COMPLETED = 4;

    /**
     * The query with each mentioned form replaced by the entry's other forms (the query itself not included), at most
     * {@value #MAX_EXPANSIONS}: the mentioned entries in file order, each mentioned form's rewrites in turn (the rule
     * since the thesaurus came; "most specific mention first" was measured in the 10th and 11th sessions and not kept,
     * docs/relevance.md).
     */
    List<Expansion> expansions(String query) {
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
                        out.add(new Expansion(text, e.category(), other));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The concrete notions under the broad ones the query names (防灾减灾 → 山体滑坡, 滑坡, 塌方, 内涝 …): each narrower
     * item, and when it is an entry's term, that entry's forms too; none the query holds itself; at most {@code max}.
     * A broad entry counts only when the query names it by a form of three characters or more, or by a shorter one
     * standing alone, and that form lies in no longer form of another entry the query holds: 救助 inside 临时救助, 彩礼
     * inside 高额彩礼 name the narrower notion, not the broad one.
     */
    List<String> narrowerIn(String query, int max) {
        Loaded known = load();
        List<Entry> mentioned = mentionedIn(query);
        List<String> held = mentioned.stream().flatMap(e -> e.forms().stream())
                .filter(f -> f.length() >= MIN_FORM_LENGTH && query.contains(f)).toList();
        Set<String> alone = new java.util.HashSet<>(Arrays.asList(query.strip().split("\\s+")));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Entry e : mentioned) {
            if (e.narrower().isEmpty() || e.forms().stream().noneMatch(f -> namesBroad(f, e, query, held, alone))) {
                continue;
            }
            // its narrower notions as written, then the entries that are kinds of it by their name (head-final)
            List<String> items = new ArrayList<>(e.narrower());
            items.addAll(known.kinds().getOrDefault(e.term(), List.of()));
            for (String item : items) {
                List<String> forms = known.byTerm().containsKey(item) ? known.byTerm().get(item).forms() : List.of(item);
                forms.stream().filter(f -> f.length() >= MIN_FORM_LENGTH && !query.contains(f) && !f.contains(e.term()))
                        .forEach(out::add);
            }
        }
        return out.stream().limit(max).toList();
    }

    /**
     * The query names broad entry {@code e} by its form {@code f}: three characters or more, or standing alone, and in
     * no longer form of another entry the query holds ({@code held}).
     */
    private static boolean namesBroad(String f, Entry e, String query, List<String> held, Set<String> alone) {
        return f.length() >= MIN_FORM_LENGTH && query.contains(f) && (f.length() >= 3 || alone.contains(f))
                && held.stream().noneMatch(longer -> longer.length() > f.length() && longer.contains(f)
                        && !e.forms().contains(longer));
    }

    /**
     * The forms and narrower notions (two characters or more) a report's text holds, each once, in the order first
     * met: what a broad notion's listing looks up by term at query time ({@link CaseDocument#withForms}). A form an
     * admin adds later reaches reports indexed before it at the next rebuild, as the index-time reading of typos does.
     */
    List<String> heldIn(String text) {
        Loaded known = load();
        String t = text.toLowerCase(java.util.Locale.ROOT);
        LinkedHashSet<String> held = new LinkedHashSet<>();
        for (int i = 0; i + MIN_FORM_LENGTH <= t.length(); i++) {
            for (int end = i + MIN_FORM_LENGTH; end <= Math.min(t.length(), i + known.longest()); end++) {
                String piece = t.substring(i, end);
                if (known.phrases().contains(piece)) {
                    held.add(piece);
                }
            }
        }
        return List.copyOf(held);
    }

    /** Every form of the entry that has {@code word} as a form, or just the word: hot topics count them as one. */
    String topicOf(String word) {
        return load().topics().getOrDefault(word, word);
    }

    /**
     * Replaces every entry. The cases whose title or description holds a form or narrower notion no entry had before
     * are queued for indexing again in the same transaction, so that their {@code forms} (and typo readings) learn it.
     */
    @Transactional
    void replace(List<Entry> newEntries) {
        Set<String> added = new java.util.HashSet<>(Loaded.of(newEntries).phrases());
        added.removeAll(load().phrases());
        // a search or the indexer may load the entries while this transaction runs, and would keep them as they were
        // until the next edit: nothing loaded meanwhile is kept, and what was loaded is dropped again once it is over
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            editing.incrementAndGet();
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            edits.incrementAndGet();
                            loaded = null;
                            editing.decrementAndGet();
                        }
                    });
        }
        jdbc.sql("delete from minqing.search_thesaurus").update();
        for (Entry e : newEntries) {
            jdbc.sql("insert into minqing.search_thesaurus (term, variants, category, source, narrower) values (?, ?, ?, ?, ?)")
                    .params(e.term().strip(), String.join(",", e.variants()), e.category(),
                            e.source() == null ? "" : e.source().strip(),
                            e.narrower() == null ? "" : String.join(",", e.narrower())).update();
        }
        loaded = null;
        if (!added.isEmpty()) {
            jdbc.sql("""
                    insert into minqing.search_outbox (case_number)
                    select c.number from minqing.case_record c
                    where exists (select 1 from unnest(string_to_array(?, chr(10))) p
                                  where strpos(lower(c.title || ' ' || c.description), p) > 0)""")
                    .param(String.join("\n", added)).update();
        }
    }

    static List<String> split(String variants) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(variants.split("[,，、]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).toList()));
    }
}
