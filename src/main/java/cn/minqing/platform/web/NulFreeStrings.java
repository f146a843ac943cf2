package cn.minqing.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * JSON strings may not carry a NUL character ("\u0000"): nobody types one, and PostgreSQL cannot store it. Nor other
 * control characters (tab, line feed and carriage return excepted) or a lone UTF-16 surrogate ("\ud800"), which no
 * keyboard makes and which would be stored as "?" without a word. Such a body is refused as a bad value of that
 * field, before any service sees it.
 */
@Component
class NulFreeStrings extends SimpleModule {

    NulFreeStrings() {
        super("nul-free-strings");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
                // a number or true/false where text belongs (refused by StrictJsonShapes): noted, and reading goes on
                // so that every wrong field of a request body is named (WrongFields)
                if (p.currentToken() != null && p.currentToken().isScalarValue()
                        && p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                        && p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NULL
                        && StrictJsonShapes.isStrict(context) && WrongFields.note(p)) {
                    return null;
                }
                String value = super.deserialize(p, context);
                if (value != null && !typeable(value)) {
                    if (StrictJsonShapes.isStrict(context) && WrongFields.note(p)) {
                        return null;
                    }
                    throw InvalidFormatException.from(p, "control character or lone surrogate", "?", String.class);
                }
                return value;
            }
        });
    }

    /** No NUL or other control character but tab, line feed, carriage return; every surrogate in a pair. */
    static boolean typeable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
