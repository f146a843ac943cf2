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

    /** A field's name for people; an unknown field keeps its code. */
    public static String label(MessageSource messages, String field, Locale locale) {
        return field == null ? "" : messages.getMessage("field." + field, null, field, locale);
    }
}
