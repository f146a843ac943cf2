package cn.minqing.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A fraction where a whole number belongs ({@code {"household": 1.5}}, read as household 1) is refused naming the
 * field, as {@code "abc"} where a number belongs always was. So is a number or true/false where text belongs
 * ({@code {"title": 123}} was stored as "123"): the client sent something other than it meant. The fields that take
 * either on purpose say so themselves (a plan's {@code target} 0.9, a milestone's {@code due} 5 or "2026-12-15":
 * {@link TextOrNumber}). Only the bodies Spring MVC reads: the app's own JSON (events, gateways' answers and
 * callbacks) is read as before.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonShapes implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper().copy()));
            }
        }
    }

    /** Whether this reading is a request body's (the strict mapper), where text fields refuse numbers. */
    static boolean isStrict(com.fasterxml.jackson.databind.DeserializationContext context) {
        return context.getConfig().findCoercionAction(LogicalType.Textual, String.class, CoercionInputShape.Integer)
                == CoercionAction.Fail;
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // wrong values of other kinds are noted field by field too, so that one refusal names them all
        mapper.addHandler(new WrongValues());
        mapper.registerModule(new WholeNumbers());
        // a number where one of a set of words belongs ({"outcome": 1}, {"outcome": "1"}) is wrong too: Jackson would
        // take it as the position in the set and the choice the client never named would be stored
        return mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
