package cn.minqing.search;

import cn.minqing.county.Categories;
import cn.minqing.county.CategoryAdministration;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which categories a query points to: the thesaurus entries it mentions, the category's own name (饮水供水 →
 * 饮水, 供水) and questions, and the words that stand out in each category's cases in the index (significant
 * text, recomputed every ten minutes per index). Search boosts those categories' cases — never a filter —
 * and, when nothing else matches, lists them.
 */
@Component
class CategoryIntent {

    private static final Logger log = LoggerFactory.getLogger(CategoryIntent.class);
    private static final long REFRESH_MILLIS = 10 * 60_000;
    private static final int TERMS_PER_CATEGORY = 30;
    private static final int SAMPLE = 20_000;
    private final ElasticsearchClient client;
    private final Categories categories;
    private final CategoryAdministration categoryDetails;
    private final Thesaurus thesaurus;
    private final Map<String, Learned> learned = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.Executor relearning = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "category-intent");
        t.setDaemon(true);
        return t;
    });

    private record Learned(Map<String, Set<String>> words, Map<String, List<String>> names,
                           Map<String, List<String>> keywords, long at) {
    }

    CategoryIntent(ElasticsearchClient client, Categories categories, CategoryAdministration categoryDetails,
                   Thesaurus thesaurus) {
        this.client = client;
        this.categories = categories;
        this.categoryDetails = categoryDetails;
        this.thesaurus = thesaurus;
    }

    /**
     * The categories the query points to, strongest first (at most two; none when nothing stands out). A form that
     * the query holds whole counts, and so does a longer one (four characters or more) that the query holds in two
     * pieces in order (农业用水 in 农业生产用水: a word put in between). A form lying wholly inside a longer form that
     * points elsewhere does not count (用水 inside 农业…用水, 扯皮 inside 推诿扯皮): the longer reading is the query's.
     */
    List<String> of(String query, String indexAlias) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        List<Mention> mentions = new java.util.ArrayList<>();
        Learned learned = learned(indexAlias);
        // a category switched off (停用) is pointed to by nothing, from the moment it is switched off (what was learned
        // of the index, the active categories' names among it, is up to ten minutes old)
        Set<String> active = activeCategories();
        thesaurus.openedIn(query).stream().filter(e -> e.category() != null && active.contains(e.category()))
                .filter(e -> !spreadsElsewhere(e)).forEach(e -> {
            Mention best = null;
            for (String form : e.forms()) {
                Mention m = form.length() >= Thesaurus.MIN_FORM_LENGTH ? Mention.find(query, form, e.category(), ENTRY_FORM_WEIGHT) : null;
                if (m != null && (best == null || m.length() > best.length())) {
                    best = m;
                }
            }
            if (best != null) {
                mentions.add(best);
            }
        });
        pointing(learned.names(), active).forEach((category, words) -> words.forEach(w -> add(mentions, Mention.find(query, w, category, 1.5))));
        pointing(learned.keywords(), active).forEach((category, words) -> words.forEach(w -> add(mentions, Mention.find(query, w, category, 1.5))));
        pointing(learned.words(), active).forEach((category, words) -> words.stream()
                .filter(query::contains).forEach(w -> add(mentions, Mention.find(query, w, category, 1.0))));
        // the longest reading wins: a mention inside a longer one of another category does not count
        List<Mention> standing = mentions.stream().filter(m -> mentions.stream().noneMatch(longer -> longer.covers(m)))
                .toList();
        Map<String, Double> score = new HashMap<>();
        standing.forEach(m -> score.merge(m.category(), m.weight(), Double::sum));
        // other, the catch-all, is pointed to only by a thesaurus entry of its own (干部作风, 村务公开, 乡村治理: needs no
        // other category holds), never by its name, keywords or the words standing out in its cases
        if (standing.stream().noneMatch(m -> m.category().equals(OTHER) && m.weight() >= ENTRY_FORM_WEIGHT)) {
            score.remove(OTHER);
        }
        double best = score.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return score.entrySet().stream().filter(e -> e.getValue() >= best / 2 && e.getValue() >= 1.0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(2).map(Map.Entry::getKey).toList();
    }

    /** What a thesaurus form lying whole in the query weighs for its category (a name or keyword 1.5, a standing-out word 1). */
    static final double ENTRY_FORM_WEIGHT = 2.0;

    /** The catch-all category: cadre conduct, village affairs, 户口, 信访 … and the headings that span many needs. */
    static final String OTHER = "other";

    /**
     * A broad entry filed under other whose narrower notions are mostly other categories' needs (兴边富民行动, 社会保障,
     * 新型城镇化): a heading spanning the county's needs, which points to no category (measured, 21st session: listing
     * other's cases for them cost 兴边富民行动 0.78 → 0.41 and 长江十年禁渔 0.54 → 0.28). Likewise a broad entry filed
     * under a category that holds fewer of its narrower notions than another one does (防灾减灾 under security, its
     * notions in road, irrigation and housing; 粮食安全, 清洁取暖): listing that category answered fights and thefts
     * for 防灾减灾 (24th session: 11 queries up on the judged sets, none down; pointing nowhere whenever the own category
     * held less than half, 一老一小 and 农民增收 among them, cost 27 queries' worth −5.0).
     */
    private boolean spreadsElsewhere(Thesaurus.Entry e) {
        if (e.narrower().isEmpty()) {
            return false;
        }
        Map<String, Long> held = e.narrower().stream().map(thesaurus::categoryOf).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
        long own = held.getOrDefault(e.category(), 0L);
        if (OTHER.equals(e.category())) {
            return own * 2 < e.narrower().size();
        }
        return held.values().stream().anyMatch(n -> n > own);
    }

    /**
     * When no form of a category lies whole in the query (农民增收难, 承租方拖欠地租), the categories its character pairs
     * point to in the categories' own vocabulary (thesaurus forms, names, keywords): a pair counts for a category when
     * at least {@value #POINTING_SHARE} of the forms holding it are that category's and at least three of its forms hold it (增收
     * → farm-sales, 地租 → land; 问题, 群众, 生产 point nowhere). At most two categories, strongest first; the search
     * only lists these when the words find few (a weaker guess than {@link #of}).
     */
    List<String> ofPieces(String query) {
        return ofPieces(query, false);
    }

    /**
     * As {@link #ofPieces(String)}, and with {@code otherToo} the catch-all as well: for a search that found nothing at
     * all (基层党风廉政建设, 市容秩序: 党风, 廉政, 市容 are held by other's forms alone), other's cases are better than none.
     */
    List<String> ofPieces(String query, boolean otherToo) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        Map<String, Map<String, Integer>> pointing = pieceCounts();
        Map<String, Double> score = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i + 2 <= query.length(); i++) {
            String pair = query.substring(i, i + 2);
            Map<String, Integer> counts = pointing.get(pair);
            if (counts == null || !seen.add(pair)) {
                continue;
            }
            int all = counts.values().stream().mapToInt(Integer::intValue).sum();
            counts.forEach((category, n) -> {
                if (n >= MIN_FORMS_POINTING && n >= POINTING_SHARE * all && (otherToo || !category.equals(OTHER))) {
                    score.merge(category, (double) n / all, Double::sum);
                }
            });
        }
        double best = score.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return score.entrySet().stream().filter(e -> e.getValue() >= best / 2)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(2).map(Map.Entry::getKey).toList();
    }

    /**
     * The codes of the categories not switched off, as they are now: read on each search (one small query) rather than
     * cached, so that a category switched off by another instance of the app is pointed to by nothing at once.
     */
    private Set<String> activeCategories() {
        return codes(categories.all());
    }

    private static Set<String> codes(List<cn.minqing.county.Category> active) {
        return active.stream().map(cn.minqing.county.Category::code).collect(java.util.stream.Collectors.toSet());
    }

    /** The words learned for the categories still active. */
    private static <W> Map<String, W> pointing(Map<String, W> learned, Set<String> active) {
        Map<String, W> kept = new HashMap<>(learned);
        kept.keySet().retainAll(active);
        return kept;
    }

    static final double POINTING_SHARE = 0.6;
    /** A pair held by fewer of a category's forms than this points nowhere (群众 in two subsidy forms is chance). */
    static final int MIN_FORMS_POINTING = 3;
    private volatile Pieces pieces;

    /** The character pairs counted from these thesaurus entries of these active categories at this time. */
    private record Pieces(Object entries, Set<String> active, long at, Map<String, Map<String, Integer>> counts) {
    }

    /**
     * Per character pair, how many forms of each active category's vocabulary hold it: recounted when the thesaurus
     * changes or a category is switched on or off (停用: its thesaurus entries then point nowhere), and every ten
     * minutes for the categories' keywords (edited on the category screen).
     */
    private Map<String, Map<String, Integer>> pieceCounts() {
        List<Thesaurus.Entry> entries = thesaurus.entries();
        List<cn.minqing.county.Category> all = categories.all();
        Set<String> active = codes(all);
        Pieces known = pieces;
        if (known != null && known.entries() == entries && known.active().equals(active)
                && System.currentTimeMillis() - known.at() < REFRESH_MILLIS) {
            return known.counts();
        }
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        java.util.function.BiConsumer<String, String> count = (category, form) -> {
            java.util.Set<String> pairs = new java.util.HashSet<>();
            for (int i = 0; i + 2 <= form.length(); i++) {
                String pair = form.substring(i, i + 2);
                if (pair.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    pairs.add(pair);
                }
            }
            pairs.forEach(pair -> counts.computeIfAbsent(pair, k -> new HashMap<>()).merge(category, 1, Integer::sum));
        };
        entries.stream().filter(e -> e.category() != null && active.contains(e.category()))
                .forEach(e -> e.forms().forEach(f -> count.accept(e.category(), f)));
        all.forEach(c -> count.accept(c.code(), c.nameZh()));
        categoryDetails.all().stream().filter(c -> c.active())
                .forEach(c -> Thesaurus.split(c.keywords()).forEach(k -> count.accept(c.code(), k)));
        pieces = new Pieces(entries, active, System.currentTimeMillis(), counts);
        return counts;
    }

    private static void add(List<Mention> mentions, Mention m) {
        if (m != null) {
            mentions.add(m);
        }
    }

    /** Where a category's form lies in the query: the characters it takes (whole, or two pieces in order). */
    record Mention(String category, double weight, java.util.BitSet at, int length) {

        static Mention find(String query, String form, String category, double weight) {
            int whole = query.indexOf(form);
            if (whole >= 0) {
                java.util.BitSet at = new java.util.BitSet();
                at.set(whole, whole + form.length());
                return new Mention(category, weight, at, form.length());
            }
            // a longer form in two pieces (two characters or more each), in order, with something in between
            for (int cut = 2; form.length() >= 4 && cut <= form.length() - 2; cut++) {
                String head = form.substring(0, cut);
                String tail = form.substring(cut);
                int h = query.indexOf(head);
                int t = h < 0 ? -1 : query.indexOf(tail, h + head.length());
                // the gap stays short: pieces far apart are two other words
                if (h >= 0 && t >= 0 && t - (h + head.length()) <= 3 && isHan(query, h, t + tail.length())) {
                    java.util.BitSet at = new java.util.BitSet();
                    at.set(h, t + tail.length());
                    return new Mention(category, weight, at, form.length());
                }
            }
            return null;
        }

        private static boolean isHan(String s, int from, int to) {
            return s.substring(from, to).codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }

        /** A longer form of another category takes every character this one takes. */
        boolean covers(Mention shorter) {
            if (length <= shorter.length || category.equals(shorter.category)) {
                return false;
            }
            java.util.BitSet rest = (java.util.BitSet) shorter.at.clone();
            rest.andNot(at);
            return rest.isEmpty();
        }
    }

    /**
     * The words that stand out in the category's cases (as learned from the index): the last relaxation step lists
     * the cases that use more of them first, so a category's typical cases lead rather than the oldest.
     */
    Set<String> typicalWords(String category, String indexAlias) {
        return learned(indexAlias).words().getOrDefault(category, Set.of());
    }

    /**
     * The category's own vocabulary, as the county wrote it down (not learned from the index): its name words, its
     * search keywords and every form of the thesaurus entries filed under it. A category listing puts the cases that
     * use more of it first — the category's typical needs in the county's and villagers' words — rather than the
     * cases whose words stand out in the index, which a run of near-identical reports dominates.
     */
    List<String> vocabulary(String category, String indexAlias) {
        Learned l = learned(indexAlias);
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        words.addAll(l.names().getOrDefault(category, List.of()));
        words.addAll(l.keywords().getOrDefault(category, List.of()));
        thesaurus.entries().stream().filter(e -> category.equals(e.category())).flatMap(e -> e.forms().stream())
                .filter(f -> f.length() >= Thesaurus.MIN_FORM_LENGTH).forEach(words::add);
        return List.copyOf(words);
    }

    /** The words learned from the index, per category (the same map until it is learned afresh). */
    Map<String, Set<String>> learnedWords(String indexAlias) {
        return learned(indexAlias).words();
    }

    /** Every category's name words (饮水, 供水, 农产品, 销售 …). */
    List<List<String>> nameWords() {
        List<List<String>> words = new java.util.ArrayList<>(categories.all().stream().map(c -> nameWords(c.nameZh())).toList());
        categoryDetails.all().forEach(c -> words.add(Thesaurus.split(c.keywords())));
        return words;
    }

    /** 饮水供水 → 饮水, 供水; 农产品销售 → 农产品, 销售; a two-character name stays whole. */
    static List<String> nameWords(String name) {
        if (name.length() <= 3) {
            return name.length() >= 2 ? List.of(name) : List.of();
        }
        if (name.length() == 5) {
            return List.of(name.substring(0, 3), name.substring(3));
        }
        return java.util.stream.IntStream.range(0, name.length() / 2).mapToObj(i -> name.substring(2 * i, 2 * i + 2)).toList();
    }

    /**
     * What was learned for the index. Only the very first search of an index waits for the learning; later, a stale
     * answer is used while one background thread learns afresh, so no search pays for it.
     */
    private Learned learned(String alias) {
        Learned l = learned.get(alias);
        if (l == null) {
            l = learn(alias);
            learned.put(alias, l);
        } else if (System.currentTimeMillis() - l.at() > REFRESH_MILLIS && refreshing.add(alias)) {
            relearning.execute(() -> {
                try {
                    learned.put(alias, learn(alias));
                } finally {
                    refreshing.remove(alias);
                }
            });
        }
        return l;
    }

    private Learned learn(String alias) {
        Map<String, List<String>> names = new HashMap<>();
        categories.all().forEach(c -> names.put(c.code(), nameWords(c.nameZh())));
        // the category's search keywords (element library data, edited by admins on the category screen)
        Map<String, List<String>> keywords = new HashMap<>();
        categoryDetails.all().stream().filter(c -> c.active()).forEach(c -> keywords.put(c.code(),
                Thesaurus.split(c.keywords()).stream().filter(w -> w.length() >= 2).toList()));
        return new Learned(significantWords(alias), names, keywords, System.currentTimeMillis());
    }

    /** Forgets what was learned (after a rebuild, or when a test refills an index). */
    void forget(String alias) {
        learned.remove(alias);
    }

    private Map<String, Set<String>> significantWords(String alias) {
        try {
            // a sample of SAMPLE cases per shard is enough to learn from, and bounds the cost on a big index
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0)
                    .aggregations("sample", sample -> sample.sampler(sm -> sm.shardSize(SAMPLE))
                            .aggregations("category", a -> a.terms(t -> t.field("category").size(40))
                                    .aggregations("words", w -> w.significantText(st -> st.field("description")
                                            .size(TERMS_PER_CATEGORY).minDocCount(3L).filterDuplicateText(true))))), Void.class);
            Map<String, Set<String>> words = new HashMap<>();
            response.aggregations().get("sample").sampler().aggregations().get("category").sterms().buckets().array().forEach(b ->
                    words.put(b.key().stringValue(), Set.copyOf(b.aggregations().get("words").sigsterms().buckets().array()
                            .stream().map(x -> x.key()).filter(k -> k.length() >= 2).toList())));
            return words;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not learn category words from {} now: {}", alias, e.getMessage());
            return Map.of();
        }
    }
}
