package cn.minqing.platform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The message for a bad field, with the field named in the reader's words (标题, 办理结果, 合并到的诉求) rather than by
 * its code ({@code title}, {@code outcome}, {@code mergeInto}). The code stays where machines read it: the API's
 * {@code errors[].field}. Labels are the {@code field.<name>} keys of the message bundles.
 */
public final class FieldMessages {

    private FieldMessages() {
    }

    public static String of(MessageSource messages, FieldProblem problem, Locale locale) {
        Object[] args = problem.args() == null ? new Object[0] : problem.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (problem.field() != null && problem.field().equals(args[i])) {
                args[i] = label(messages, problem.field(), locale);
            }
        }
        return messages.getMessage(problem.messageKey(), args, problem.messageKey(), locale);
    }

    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)\\]\\.(\\w+)");

    /** A field's name for people; an unknown field keeps its code; {@code needs[1].title} reads 第2条诉求的标题. */
    public static String label(MessageSource messages, String field, Locale locale) {
        if (field == null) {
            return "";
        }
        java.util.regex.Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches() && messages.getMessage("field." + field, null, null, locale) == null) {
            return messages.getMessage("field.indexed", new Object[] {label(messages, indexed.group(1), locale),
                    Integer.parseInt(indexed.group(2)) + 1, label(messages, indexed.group(3), locale)}, field, locale);
        }
        return messages.getMessage("field." + field, null, field, locale);
    }
}
