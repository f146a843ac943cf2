package cn.minqing.platform.web;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Around reading a JSON request body: collects its wrong values field by field ({@link WrongFields}) and, once read,
 * refuses the body naming every one of them (400, nothing stored: no controller has run).
 */
@ControllerAdvice
class WrongFieldsAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        WrongFields.start();
        return input;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<String> wrong = WrongFields.finish();
        if (wrong != null && !wrong.isEmpty()) {
            throw new InvalidInputException(wrong.stream()
                    .map(field -> new FieldProblem(field, "request.parameter.invalid", field)).toList());
        }
        return body;
    }
}
