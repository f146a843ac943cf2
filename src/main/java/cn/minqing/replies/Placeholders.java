package cn.minqing.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a reply template may use. Most are filled from the case; {政策依据} and {办理情况} only from what the
 * cadre gives as {@code values}.
 */
final class Placeholders {

    /** Filled from the case (or the day) when the form does not give them. */
    static final List<String> FROM_CASE = List.of("编号", "标题", "村名", "乡镇", "类别", "承办单位", "联系电话", "期限", "日期");
    /** Only ever given by the cadre. */
    static final List<String> GIVEN = List.of("政策依据", "办理情况");
    static final List<String> ALL = java.util.stream.Stream.concat(FROM_CASE.stream(), GIVEN.stream()).toList();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private Placeholders() {
    }

    /** The placeholders in a text, in order, each once. */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** A brace outside a {名称} pair: a placeholder typed wrong. */
    static boolean hasStrayBrace(String text) {
        String rest = PLACEHOLDER.matcher(text).replaceAll("");
        return rest.contains("{") || rest.contains("}");
    }

    /** The text with each {名称} replaced by its (already escaped) value. */
    static String fill(String text, java.util.Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
