package cn.minqing.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * JSON strings may not carry a NUL character ("\u0000"): nobody types one, and PostgreSQL cannot store it. Such a
 * body is refused as a bad value of that field, before any service sees it.
 */
@Component
class NulFreeStrings extends SimpleModule {

    NulFreeStrings() {
        super("nul-free-strings");
        addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
                String value = super.deserialize(p, context);
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw InvalidFormatException.from(p, "NUL character", "\\u0000", String.class);
                }
                return value;
            }
        });
    }
}
