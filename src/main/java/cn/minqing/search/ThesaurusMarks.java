package cn.minqing.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks, in a hit's highlights, the thesaurus forms a search used besides the words typed: the other forms of the
 * entries the query mentions (农产品滞销 → 卖不出去 in its description) and the concrete notions under a broad one (一老一小
 * → 留守儿童), as Elasticsearch marks the words typed. Elasticsearch is not asked to: matching forty notions again in every
 * hit cost a broad search about a third of its time (16th session), and the rewrites about 30 % of a common one (18th
 * session, docs/performance.md); the report's indexed {@code forms} already say which forms it holds. Only a form held
 * whole is marked (not a part of one, as a rewrite's loose match used to mark 差 of 脏乱差). Fragments are cut and
 * escaped as Elasticsearch's HTML encoder does, and what Elasticsearch marked stays marked.
 */
final class ThesaurusMarks {

    /** The length of a description fragment, here and as CaseSearch asks Elasticsearch to cut them. */
    static final int FRAGMENT = 80;
    /** Characters of context before the first form in a fragment cut here. */
    private static final int BEFORE = 20;
    private static final Pattern MARKED = Pattern.compile("<em>.*?</em>");

    private ThesaurusMarks() {
    }

    /**
     * The highlights with the forms the report holds of those given marked in its title and description; unchanged
     * when it holds none of them.
     */
    static Map<String, List<String>> mark(Map<String, List<String>> highlight, CaseDocument doc, List<String> forms) {
        if (forms.isEmpty() || doc.forms() == null || doc.forms().isEmpty()) {
            return highlight;
        }
        List<String> held = forms.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()
                .filter(doc.forms()::contains).sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (held.isEmpty()) {
            return highlight;
        }
        Pattern notions = Pattern.compile(String.join("|", held.stream().map(ThesaurusMarks::escape).map(Pattern::quote).toList()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Map<String, List<String>> out = new HashMap<>(highlight == null ? Map.of() : highlight);
        field(out, "title", doc.title(), notions, held, false);
        field(out, "description", doc.description(), notions, held, true);
        return out;
    }

    private static void field(Map<String, List<String>> out, String name, String text, Pattern notions, List<String> held,
                              boolean cut) {
        List<String> fragments = out.get(name);
        if (fragments != null && !fragments.isEmpty()) {
            out.put(name, fragments.stream().map(f -> markOutsideMarks(f, notions)).toList());
            return;
        }
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int first = held.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(-1);
        if (first < 0) {
            return;
        }
        String piece = text;
        if (cut && text.length() > FRAGMENT) {
            int start = Math.max(0, Math.min(first - BEFORE, text.length() - FRAGMENT));
            piece = text.substring(start, start + FRAGMENT);
        }
        String marked = markOutsideMarks(escape(piece), notions);
        if (marked.contains("<em>")) {
            out.put(name, List.of(marked));
        }
    }

    /** Marks each form in the escaped fragment, outside what is marked already. */
    static String markOutsideMarks(String fragment, Pattern notions) {
        StringBuilder out = new StringBuilder();
        Matcher m = MARKED.matcher(fragment);
        int at = 0;
        while (m.find()) {
            out.append(notions.matcher(fragment.substring(at, m.start())).replaceAll("<em>$0</em>")).append(m.group());
            at = m.end();
        }
        out.append(notions.matcher(fragment.substring(at)).replaceAll("<em>$0</em>"));
        return out.toString();
    }

    /** As Elasticsearch's HTML encoder writes text: {@code & < > " ' /} as entities. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                case '/' -> out.append("&#x2F;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
