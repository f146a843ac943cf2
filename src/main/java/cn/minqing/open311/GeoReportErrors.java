package cn.minqing.open311;

import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldMessages;
import cn.minqing.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals as GeoReport v2 writes them: a list of {@code {code, description}}, one per wrong field, each also
 * naming its {@code field}; in the path's format. Nothing internal is ever in a description.
 */
@RestControllerAdvice(assignableTypes = GeoReportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GeoReportErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GeoReportErrors.class);
    private final MessageSource messages;

    GeoReportErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e, Locale locale, HttpServletRequest request) {
        List<Map<String, Object>> errors = e.problems().stream().map(p -> error(400,
                FieldMessages.label(messages, p.field(), locale) + "（" + p.field() + "）：" + FieldMessages.of(messages, p, locale),
                p.field())).toList();
        return render(HttpStatus.BAD_REQUEST, request, errors);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> refused(ApiException e, Locale locale, HttpServletRequest request) {
        return render(e.status(), request, List.of(error(e.status().value(),
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale), null)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missing(MissingServletRequestParameterException e, Locale locale, HttpServletRequest request) {
        return render(HttpStatus.BAD_REQUEST, request, List.of(error(400,
                messages.getMessage("request.parameter.missing", new Object[] {e.getParameterName()}, locale), e.getParameterName())));
    }

    /**
     * A request Spring refused before the handler ran (a broken multipart or form body, a parameter it could not
     * convert, the wrong content type): the sender's to correct, 400 or Spring's own 4xx, never a 500.
     */
    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            jakarta.servlet.ServletException.class, org.springframework.beans.TypeMismatchException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class, java.io.IOException.class})
    ResponseEntity<String> malformed(Exception e, Locale locale, HttpServletRequest request) {
        HttpStatus status = e instanceof org.springframework.web.ErrorResponse r && r.getStatusCode().is4xxClientError()
                ? HttpStatus.valueOf(r.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
        String key = e instanceof org.springframework.web.multipart.MultipartException || e instanceof java.io.IOException
                ? "request.uploadBroken" : "open311.request.malformed";
        return render(status, request, List.of(error(status.value(), messages.getMessage(key, null, locale), null)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, Locale locale, HttpServletRequest request) {
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("Open311 request {} {} failed, error id {}", request.getMethod(), request.getRequestURI(), id, e);
        return render(HttpStatus.INTERNAL_SERVER_ERROR, request, List.of(error(500,
                messages.getMessage("request.failed", new Object[] {id}, locale), null)));
    }

    private static ResponseEntity<String> render(HttpStatus status, HttpServletRequest request, List<Map<String, Object>> errors) {
        return GeoReport.render(status, GeoReportController.formatOf(request.getRequestURI()), "errors", errors);
    }

    private static Map<String, Object> error(int code, String description, String field) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("description", description);
        if (field != null) {
            e.put("field", field);
        }
        return e;
    }
}
