package cn.minqing.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Set;

/**
 * A fraction ({@code {"household": 1.5}}) or a number too large where a whole number belongs, in a request body: noted
 * field by field like the other wrong values ({@link WrongValues}), so that one refusal names it with the rest, instead
 * of Jackson stopping there. Jackson refuses these itself without asking a problem handler; everything else is read by
 * its own deserializer as before. Only on the request bodies' mapper ({@link StrictJsonShapes}).
 */
final class WholeNumbers extends SimpleModule {

    private static final Set<Class<?>> INTS = Set.of(int.class, Integer.class);
    private static final Set<Class<?>> LONGS = Set.of(long.class, Long.class);

    WholeNumbers() {
        super("whole-numbers");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return INTS.contains(type) || LONGS.contains(type) ? new Noting(deserializer, type) : deserializer;
            }
        });
    }

    private static final class Noting extends DelegatingDeserializer {

        private final Class<?> type;

        Noting(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Noting(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (notWhole(p) && !WrongFields.isWholeBody(p) && WrongFields.note(p)) {
                return WrongValues.neutral(type);
            }
            return super.deserialize(p, context);
        }

        /** A fraction (1.5, 2.0, 1e3), or a whole number beyond the type's range. */
        private boolean notWhole(JsonParser p) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return true;
            }
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                return false;
            }
            JsonParser.NumberType size = p.getNumberType();
            return size == JsonParser.NumberType.BIG_INTEGER || (INTS.contains(type) && size == JsonParser.NumberType.LONG);
        }
    }
}
