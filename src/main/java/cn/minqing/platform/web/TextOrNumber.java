package cn.minqing.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * A text field that takes a number on purpose, as the number's own digits (a plan's {@code target} 0.9, a milestone's
 * {@code due} 5 working days): {@code @JsonDeserialize(using = TextOrNumber.class)}. Text is read as every other
 * text field (control characters refused); true/false, objects and lists are still refused naming the field.
 */
public final class TextOrNumber extends StdScalarDeserializer<String> {

    public TextOrNumber() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return p.getText();
        }
        return context.readValue(p, String.class);
    }
}
