package cn.minqing.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A fraction where a whole number belongs ({@code {"household": 1.5}}, read as household 1) is refused naming the
 * field, as {@code "abc"} where a number belongs always was. Numbers where text belongs stay readable: some fields take
 * either on purpose (a plan's {@code target} 0.9, a milestone's {@code due} 5 or "2026-12-15"). Only the bodies
 * Spring MVC reads: the app's own JSON (events, gateways' answers) is read as before.
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

    static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
