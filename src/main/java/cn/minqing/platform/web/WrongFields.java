package cn.minqing.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The wrong values of a JSON request body, field by field, collected while Spring MVC reads it, so that the refusal
 * names every one ({"title": 1, "description": 2} names both) rather than the first Jackson stops at. Outside a
 * request's body (the app's own JSON) nothing is collected and a wrong value fails at once, as before.
 */
final class WrongFields {

    private static final String ATTRIBUTE = WrongFields.class.getName();
    /** A refusal names at most this many fields, each by at most this many characters (a body of junk keys). */
    static final int MAX_NAMED = 50;
    static final int MAX_NAME = 64;

    private WrongFields() {
    }

    /** Begins collecting for the body the current request is about to read. */
    static void start() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, new ArrayList<String>(), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The fields found wrong so far, or null when no request body is being read. */
    @SuppressWarnings("unchecked")
    static List<String> collected() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : (List<String>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    /** The fields found wrong, and collecting ends (the rest of the request reads JSON as before). */
    static List<String> finish() {
        List<String> wrong = collected();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
        return wrong;
    }

    /** Notes the field the parser stands on as wrong; false when nothing is being collected (the caller then fails). */
    static boolean note(JsonParser p) {
        List<String> wrong = collected();
        if (wrong == null) {
            return false;
        }
        String field = path(p);
        field = field.length() > MAX_NAME ? field.substring(0, MAX_NAME) : field;
        if (!wrong.contains(field) && wrong.size() < MAX_NAMED) {
            wrong.add(field);
        }
        return true;
    }

    /** Whether the parser stands on the body as a whole ({@code 1} where an object belongs), not on one of its fields. */
    static boolean isWholeBody(JsonParser p) {
        JsonStreamContext c = valueContext(p);
        return c == null || c.inRoot();
    }

    /** The context holding the value the parser stands on: an object or list it starts is inside that value. */
    private static JsonStreamContext valueContext(JsonParser p) {
        JsonStreamContext c = p.getParsingContext();
        return c != null && p.currentToken() != null && p.currentToken().isStructStart() ? c.getParent() : c;
    }

    /** The field the parser stands on, as the refusals name fields: plan.milestones[0].title. */
    static String path(JsonParser p) {
        LinkedList<String> parts = new LinkedList<>();
        for (JsonStreamContext c = valueContext(p); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "value" : joined;
    }
}
