package cn.minqing.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;

/**
 * Wrong values of every other kind in a request body, noted field by field as {@link NulFreeStrings} notes wrong text
 * ({@link WrongFields}), so that one refusal names them all: text where a number, true/false, a date or one of a set
 * of values belongs ({@code {"cost":"abc"}}, {@code {"anonymous":"yes"}}), a number where such a set belongs (not taken
 * as a position in it: {@link StrictJsonShapes}), an object or a list where a single value belongs and the reverse. The field is skipped with a neutral value (null, 0, false) and
 * reading goes on; {@link WrongFieldsAdvice} refuses the body once it is read, before any controller runs. Outside a
 * request body being read, or for the body as a whole ({@code 1} where an object belongs), nothing is noted and
 * Jackson fails at once, as before.
 */
final class WrongValues extends DeserializationProblemHandler {

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                                         String failureMsg) {
        return noted(context.getParser(), targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                                         String failureMsg) {
        return noted(context.getParser(), targetType);
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                                        JsonParser p, String failureMsg) throws IOException {
        return structure(p, token, targetType.getRawClass());
    }

    /** Text, a number or true/false where an object belongs ({@code {"plan":"abc"}}). */
    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> instClass,
                                            ValueInstantiator instantiator, JsonParser p, String msg) throws IOException {
        return structure(p, p.currentToken(), instClass);
    }

    /** An object or list is skipped whole; a scalar is the parser's current value. Only when the parser stands on it. */
    private static Object structure(JsonParser p, JsonToken token, Class<?> targetType) throws IOException {
        JsonToken current = p.currentToken();
        if (current == null || token != current || !(current.isScalarValue() || current.isStructStart())) {
            return NOT_HANDLED;
        }
        Object neutral = noted(p, targetType);
        if (neutral != NOT_HANDLED && current.isStructStart()) {
            p.skipChildren();
        }
        return neutral;
    }

    private static Object noted(JsonParser p, Class<?> targetType) {
        if (p == null || WrongFields.isWholeBody(p) || !WrongFields.note(p)) {
            return NOT_HANDLED;
        }
        return neutral(targetType);
    }

    /** What the skipped field holds until the refusal: nothing, or a primitive's zero. */
    static Object neutral(Class<?> type) {
        if (type == null || !type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == double.class) {
            return 0.0d;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
