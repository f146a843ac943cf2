package cn.minqing.search;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 同音纠错: a word typed with a wrong character of the same sound — as a phone's pinyin input or voice input makes
 * it (自来谁, 低包, 危防, 托欠) — is read as the known word it sounds like (自来水, 低保, 危房, 拖欠). Known words are
 * the domain lexicon, every form of the thesaurus and of the synonyms, the categories' names and the words that
 * stand out in each category's cases in the index. "Sounds like" is the same tone-less pinyin, or failing that the
 * same after the sound pairs that the south's accents merge (zh/z, ch/c, sh/s, n/l, -ng/-n; three characters or more).
 * A piece that is a word of HanLP's general dictionary, or that would cut one in two, is left as typed (征收 is not 证收,
 * 兜底保障 holds no 低保). Search runs the corrected
 * query beside the typed one (a little lower), so a correction never hides what was typed.
 */
@Component
class SoundAlikes {

    /** Known words up to this long are looked for (残疾人补贴). */
    private static final int MAX_WORD = 6;
    private final Thesaurus thesaurus;
    private final Synonyms synonyms;
    private final CategoryIntent categoryIntent;
    private final WordFrequencies frequencies;
    private volatile Known known;
    private volatile Known indexKnown;

    private record Known(Object thesaurus, Object synonyms, Object learned, Vocabulary vocabulary) {
    }

    /** HanLP loads its dictionaries on first use (seconds): once the app is up, not in the first villager's search. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        Thread warm = new Thread(() -> {
            CoreDictionary.contains("自来水");
            HanLP.convertToPinyinList("自来水");
        }, "hanlp-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Known words by their sound. */
    record Vocabulary(Set<String> words, Map<String, List<String>> bySound, Map<String, List<String>> byLooseSound) {

        static Vocabulary of(java.util.Collection<String> given) {
            Set<String> words = new HashSet<>(given);
            words.removeIf(w -> w.length() < 2 || w.length() > MAX_WORD || !w.chars().allMatch(c -> isHan((char) c)));
            Map<String, List<String>> bySound = new HashMap<>();
            Map<String, List<String>> byLoose = new HashMap<>();
            for (String w : words) {
                List<String> sound = syllables(w);
                if (sound.size() == w.length()) {
                    bySound.computeIfAbsent(String.join(" ", sound), x -> new ArrayList<>()).add(w);
                    byLoose.computeIfAbsent(loose(sound), x -> new ArrayList<>()).add(w);
                }
            }
            return new Vocabulary(Set.copyOf(words), sorted(bySound), sorted(byLoose));
        }
    }

    SoundAlikes(Thesaurus thesaurus, Synonyms synonyms, CategoryIntent categoryIntent, WordFrequencies frequencies) {
        this.thesaurus = thesaurus;
        this.synonyms = synonyms;
        this.categoryIntent = categoryIntent;
        this.frequencies = frequencies;
    }

    /**
     * The query with each run of two to six characters that is no known word but sounds like one replaced by it
     * (longest first, at least one character kept); {@code null} when nothing needed correcting.
     */
    String correct(String query, String indexAlias) {
        return correct(query, indexAlias, null);
    }

    /**
     * The same, for a searcher whose search is filtered by {@code scope} ({@code null}: the whole index): the index's
     * evidence for a typed general word is counted within it, so a correction says nothing of cases outside it.
     */
    String correct(String query, String indexAlias, co.elastic.clients.elasticsearch._types.query_dsl.Query scope) {
        Vocabulary k = known(indexAlias).vocabulary();
        Map<String, String> suspects = new LinkedHashMap<>();
        // a typo that says no reads every general word as typed, as correct(query, k) would: when nothing is suspect,
        // this first pass is the answer
        String asTyped = correct(query, k, false, (typed, word) -> {
            suspects.put(typed, word);
            return false;
        });
        if (suspects.isEmpty()) {
            return asTyped;
        }
        // a typed general word that sounds like a known word (漏税, 漏水): the index decides, in one request
        Set<String> words = new HashSet<>(suspects.keySet());
        words.addAll(suspects.values());
        Map<String, Long> cases = frequencies.of(indexAlias, scope, words);
        return correct(query, k, false, (typed, word) -> rareBeside(cases.get(typed), cases.get(word)));
    }

    /** A typed word this much rarer in the index than the known word it sounds like is taken for a typo of it. */
    static final int RARER_BY = 10;
    /** … and the known word must be used by at least this many cases. */
    static final int FREQUENT = 3;

    /**
     * The county's cases barely use the typed word and often use the known word it sounds like (水管漏税: 漏税 in no
     * case, 漏水 in many): the typed word is a typo though it is a word. Unknown counts say no.
     */
    static boolean rareBeside(Long typed, Long known) {
        return typed != null && known != null && known >= Math.max(FREQUENT, RARER_BY * typed);
    }

    static String correct(String query, Vocabulary k) {
        return correct(query, k, false);
    }

    /**
     * {@code strict} (a report's whole text, at index time): only the same sound, never the looser southern one
     * (县医院 is no 乡医院), and a two-character piece holding one of the commonest characters is left alone (就一辆 is
     * no 就医, 一条大缝 no 大风): long texts hold many such chance homophones, a short query few.
     */
    static String correct(String query, Vocabulary k, boolean strict) {
        return correct(query, k, strict, null);
    }

    /**
     * {@code typo}, when given, is asked about a typed general word (漏税) that sounds like a known word (漏水): true
     * reads it as that word. Without it (and always at index time) a general word stays as typed.
     */
    static String correct(String query, Vocabulary k, boolean strict, BiPredicate<String, String> typo) {
        if (query == null || query.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        int i = 0;
        while (i < query.length()) {
            int end = i;
            while (end < query.length() && isHan(query.charAt(end))) {
                end++;
            }
            if (end == i) {
                out.append(query.charAt(i++));
                continue;
            }
            String run = query.substring(i, end);
            String fixed = correctRun(run, k, strict, strict ? null : typo);
            changed |= !fixed.equals(run);
            out.append(fixed);
            i = end;
        }
        return changed ? out.toString() : null;
    }

    /**
     * Index side of 同音纠错: the text with each misspelt word read as the known word it sounds like (自来谁停了 →
     * 自来水停了), or {@code null} when nothing needed correcting. The vocabulary leaves out the words learned from
     * the index, so the same report always gets the same reading whatever else the index holds.
     */
    String readAsKnown(String text) {
        return text == null || text.isBlank() ? null : correct(text, indexVocabulary(), true);
    }

    /** The known words without those learned from an index (the same for every index). */
    Vocabulary indexVocabulary() {
        Object t = thesaurus.entries();
        Object s = synonyms.groups();
        Known k = indexKnown;
        if (k != null && k.thesaurus() == t && k.synonyms() == s) {
            return k.vocabulary();
        }
        Set<String> words = new HashSet<>(CountyWords.lexicon());
        thesaurus.entries().forEach(e -> words.addAll(e.forms()));
        synonyms.groups().forEach(words::addAll);
        categoryIntent.nameWords().forEach(words::addAll);
        k = new Known(t, s, null, Vocabulary.of(words));
        indexKnown = k;
        return k.vocabulary();
    }

    /** The commonest characters of running text: in a two-character piece they make chance homophones. */
    private static final String COMMON = "一二三四五六七八九十几两就大小了不是有在的和也都又还很太个这那我你他她它上下中多少好要会能可说去来到得着过给把被让没人家里天年月日时点头只条块次往向从对为以而之";

    /** A two-character piece holding one of the commonest characters is no typo in a long text (就一 is no 就医). */
    private static boolean chancePiece(String piece, boolean strict) {
        return strict && piece.length() == 2 && (COMMON.indexOf(piece.charAt(0)) >= 0 || COMMON.indexOf(piece.charAt(1)) >= 0);
    }

    /**
     * In a long text, a reading that changes one of the commonest characters (天干了 is no 田干了, 三头牛 no 三偷牛) is a
     * chance homophone, not a typo. (Refusing a reading that loses a general word the piece holds — 没恢复 is no 没回复 —
     * was tried: it also refused real typos that are words, 高领补贴 and 报效 for 高龄补贴 and 报销.)
     */
    private static boolean chanceReading(String piece, String candidate, boolean strict) {
        if (!strict || candidate == null) {
            return false;
        }
        for (int j = 0; j < piece.length(); j++) {
            if (piece.charAt(j) != candidate.charAt(j) && COMMON.indexOf(piece.charAt(j)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String correctRun(String run, Vocabulary k, boolean strict,
                                     BiPredicate<String, String> typo) {
        List<String> sounds = syllables(run);
        if (sounds.size() != run.length()) {
            return run;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < run.length()) {
            String replaced = null;
            int length = 0;
            for (int len = Math.min(MAX_WORD, run.length() - i); len >= 2 && replaced == null; len--) {
                String piece = run.substring(i, i + len);
                if (k.words().contains(piece)) {
                    replaced = piece;
                    length = len;
                    break;
                }
                boolean cuts = cutsAWord(run, i, i + len);
                // a general word (漏税) is a typo only if the index says so; one that a piece would cut stays whole
                boolean general = isWord(piece) && !cuts;
                if (cuts || general && typo == null || chancePiece(piece, strict)) {
                    continue;
                }
                List<String> sound = sounds.subList(i, i + len);
                String candidate = best(piece, k.bySound().get(String.join(" ", sound)));
                if (candidate == null && len >= 3 && (!strict || holdsNoWord(piece))) {
                    candidate = best(piece, k.byLooseSound().get(loose(sound)));
                }
                if (chanceReading(piece, candidate, strict) || general && candidate != null && !typo.test(piece, candidate)) {
                    candidate = null;
                }
                if (candidate != null) {
                    replaced = candidate;
                    length = len;
                }
            }
            if (replaced == null) {
                out.append(run.charAt(i));
                i++;
            } else {
                out.append(replaced);
                i += length;
            }
        }
        return out.toString();
    }

    /**
     * In a report's text the looser southern sounds (农名工 for 农民工: ming/min) are read only in a piece that holds no
     * word of the general dictionary: 县医院 holds 医院, so it is no 乡医院; 牛守儿童 holds 儿童.
     */
    private static boolean holdsNoWord(String piece) {
        for (int j = 0; j + 2 <= piece.length(); j++) {
            if (isWord(piece.substring(j, j + 2))) {
                return false;
            }
        }
        return true;
    }

    /** A word of the general dictionary (征收, 兜底, 漏税) is what was meant, not a typo. */
    private static boolean isWord(String piece) {
        return CoreDictionary.contains(piece);
    }

    /** The piece would cut a general word in two at one of its ends (土地|征收: not 土地证; 兜|底保|障: not 低保). */
    private static boolean cutsAWord(String run, int from, int to) {
        return from > 0 && isWord(run.substring(from - 1, from + 1))
                || to < run.length() && isWord(run.substring(to - 1, to + 1));
    }

    /** The known word that keeps most of the typed characters (at least one; at most half of them wrong). */
    private static String best(String piece, List<String> candidates) {
        if (candidates == null) {
            return null;
        }
        String best = null;
        int bestSame = 0;
        for (String c : candidates) {
            int same = 0;
            for (int j = 0; j < piece.length(); j++) {
                same += piece.charAt(j) == c.charAt(j) ? 1 : 0;
            }
            if (same >= 1 && 2 * (piece.length() - same) <= piece.length() && same > bestSame) {
                best = c;
                bestSame = same;
            }
        }
        return best;
    }

    private Known known(String indexAlias) {
        Object t = thesaurus.entries();
        Object s = synonyms.groups();
        Map<String, Set<String>> learned = categoryIntent.learnedWords(indexAlias);
        Known k = known;
        if (k != null && k.thesaurus() == t && k.synonyms() == s && k.learned() == learned) {
            return k;
        }
        Set<String> words = new HashSet<>(CountyWords.lexicon());
        thesaurus.entries().forEach(e -> words.addAll(e.forms()));
        synonyms.groups().forEach(words::addAll);
        learned.values().forEach(words::addAll);
        categoryIntent.nameWords().forEach(words::addAll);
        k = new Known(t, s, learned, Vocabulary.of(words));
        known = k;
        return k;
    }

    /** Candidates in a fixed order, so the same query is always corrected the same way. */
    private static Map<String, List<String>> sorted(Map<String, List<String>> map) {
        map.replaceAll((key, list) -> list.stream().sorted().toList());
        return map;
    }

    /** Tone-less syllables, one per character (HanLP reads polyphones by word); empty when one has none. */
    static List<String> syllables(String text) {
        List<Pinyin> pinyin = HanLP.convertToPinyinList(text);
        List<String> out = new ArrayList<>(pinyin.size());
        for (Pinyin p : pinyin) {
            if (p == Pinyin.none5) {
                return List.of();
            }
            out.add(p.getPinyinWithoutTone().replace('ü', 'v'));
        }
        return out;
    }

    /** The syllables with the pairs southern accents merge made one: zh→z, ch→c, sh→s, l→n, -ng→-n. */
    static String loose(Collection<String> syllables) {
        return syllables.stream().map(SoundAlikes::looseSyllable).collect(Collectors.joining(" "));
    }

    private static String looseSyllable(String s) {
        String x = s;
        if (x.startsWith("zh") || x.startsWith("ch") || x.startsWith("sh")) {
            x = x.charAt(0) + x.substring(2);
        }
        if (x.startsWith("l")) {
            x = "n" + x.substring(1);
        }
        if (x.endsWith("ng") && x.length() > 2) {
            x = x.substring(0, x.length() - 1);
        }
        return x;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
