package cn.minqing.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns refusals into RFC 9457 problem details with messages a person can act on (zh-CN first). */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    record FieldError(String field, String message) {
    }

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, Locale locale) {
        List<FieldError> errors = e.problems().stream()
                .map(p -> new FieldError(p.field(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)))
                .toList();
        return invalidInput(errors, locale);
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail refused(ApiException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        problem.setTitle(e.status().getReasonPhrase());
        return problem;
    }

    /** Elasticsearch unreachable: searching waits, filing does not (PostgreSQL is the source of truth). */
    @ExceptionHandler(java.io.IOException.class)
    ProblemDetail searchUnavailable(java.io.IOException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("search.unavailable", null, locale));
        problem.setTitle("Search unavailable");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale locale = request.getLocale();
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().body(invalidInput(errors, locale));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("request.unreadable", null, request.getLocale()));
        problem.setTitle("Unreadable request");
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail invalidInput(List<FieldError> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("request.invalid", new Object[] {errors.size()}, locale));
        problem.setTitle("Invalid input");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
