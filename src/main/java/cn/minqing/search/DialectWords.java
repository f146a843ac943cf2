package cn.minqing.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.core.io.ClassPathResource;

/**
 * 方言词: the everyday words of a dialect read as Mandarin (冇得 → 没, 屋里 → 家里, 细伢 → 孩子, 晓不得 → 不知道), as data
 * ({@code search/dialect.tsv}: the word, its plain reading, where it is said). A villager's query written in them (细伢冇人带,
 * 屋头莫得水吃) is also read plainly: the negations and pronouns then weigh nothing (没 is a stop word, 冇得 is not: a
 * report holding 冇得 and nothing else the query asks matched it), and a plain word finds the thesaurus forms and the
 * categories that hold it. The reading runs beside the words typed, as 同音纠错's does; the words typed stay.
 */
final class DialectWords {

    private static final String DATA = text();
    private static final Map<String, String> PLAIN = load(DATA);
    /** The longest dialect word, in characters: how far a reading looks ahead. */
    private static final int LONGEST = PLAIN.keySet().stream().mapToInt(String::length).max().orElse(0);
    /** The characters a dialect word begins with: a place starting with any other is passed over at once. */
    private static final Set<Character> FIRST = PLAIN.keySet().stream().map(w -> w.charAt(0))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private DialectWords() {
    }

    /** {@code -Dminqing.search.dialect-words=false} (read per search) turns the reading off: the judged sets' A/B. */
    static boolean on() {
        return !"false".equals(System.getProperty("minqing.search.dialect-words"));
    }

    /**
     * The text as read: its dialect words plainly ({@link #read}, when {@link #on}), then its typos by {@code typos}
     * (同音纠错, which answers {@code null} for none); {@code null} when it reads as written. A query and a report are
     * read alike, each with its own 同音纠错.
     */
    static String readThen(String text, UnaryOperator<String> typos) {
        String plain = on() ? read(text) : null;
        String corrected = typos.apply(plain != null ? plain : text);
        return corrected != null ? corrected : plain;
    }

    /** The text with its dialect words read plainly, the longest word first at each place; {@code null} if it holds none. */
    static String read(String text) {
        if (text == null || text.isBlank() || PLAIN.isEmpty()) {
            return null;
        }
        StringBuilder plain = new StringBuilder(text.length());
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            String word = FIRST.contains(text.charAt(i)) ? longestAt(text, i) : null;
            if (word == null) {
                plain.append(text.charAt(i));
                i++;
            } else {
                plain.append(PLAIN.get(word));
                i += word.length();
                changed = true;
            }
        }
        return changed ? plain.toString() : null;
    }

    private static String longestAt(String text, int at) {
        for (int length = Math.min(LONGEST, text.length() - at); length > 0; length--) {
            String candidate = text.substring(at, at + length);
            if (PLAIN.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The data as shipped: the search index is rebuilt when it changes (reports are indexed with their reading). */
    static String data() {
        return DATA;
    }

    private static String text() {
        try (InputStream in = new ClassPathResource("search/dialect.tsv").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("search/dialect.tsv", e);
        }
    }

    /** Each word's plain reading, from the data's rows after its header. */
    private static Map<String, String> load(String data) {
        Map<String, String> plain = new LinkedHashMap<>();
        data.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).filter(r -> r.length >= 2)
                .forEach(r -> plain.putIfAbsent(r[0].strip(), r[1].strip()));
        return Map.copyOf(plain);
    }
}
