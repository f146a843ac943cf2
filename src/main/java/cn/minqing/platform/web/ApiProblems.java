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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);
    private final MessageSource messages;
    private final List<ProtocolRefusals> protocols;

    ApiProblems(MessageSource messages, List<ProtocolRefusals> protocols) {
        this.messages = messages;
        this.protocols = protocols;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, Locale locale) {
        List<FieldError> errors = e.problems().stream()
                .map(p -> new FieldError(p.field(), FieldMessages.of(messages, p, locale)))
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

    /**
     * Elasticsearch unreachable: searching waits, filing does not (PostgreSQL is the source of truth). An
     * upload cut short is the sender's to repeat.
     */
    @ExceptionHandler(java.io.IOException.class)
    ProblemDetail searchUnavailable(java.io.IOException e, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        if (String.valueOf(request.getContentType()).startsWith("multipart/")) {
            return problem(HttpStatus.BAD_REQUEST, "Incomplete upload", messages.getMessage("request.uploadBroken", null, locale));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("search.unavailable", null, locale));
        problem.setTitle("Search unavailable");
        return problem;
    }

    /** A file endpoint called without a multipart body. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<?> notMultipart(org.springframework.web.multipart.MultipartException e, Locale locale,
                                   jakarta.servlet.http.HttpServletRequest request) {
        boolean multipart = String.valueOf(request.getContentType()).startsWith("multipart/");
        ProblemDetail problem = multipart
                ? problem(HttpStatus.BAD_REQUEST, "Incomplete upload", messages.getMessage("request.uploadBroken", null, locale))
                : problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", messages.getMessage("request.notMultipart", null, locale));
        ResponseEntity<String> theirs = protocolRefusal(request, HttpStatus.valueOf(problem.getStatus()), problem.getDetail());
        return theirs != null ? theirs : ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** The refusal as a protocol of its own writes it (Open311), or null where none covers the path. */
    private ResponseEntity<String> protocolRefusal(jakarta.servlet.http.HttpServletRequest request, HttpStatusCode status, String detail) {
        for (ProtocolRefusals protocol : protocols) {
            if (protocol.covers(request)) {
                return protocol.refusal(request, status, detail);
            }
        }
        return null;
    }

    /**
     * Two people (or one double tap) working the same task at once: the engine finds the task gone or changed
     * under it, everything the request did is rolled back, and the person is told to look again, never a 500.
     */
    @ExceptionHandler(org.camunda.bpm.engine.exception.NotFoundException.class)
    ProblemDetail gone(org.camunda.bpm.engine.exception.NotFoundException e, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "Not Found", messages.getMessage("request.gone", null, locale));
    }

    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ProblemDetail concurrent(org.camunda.bpm.engine.OptimisticLockingException e, Locale locale) {
        return problem(HttpStatus.CONFLICT, "Conflict", messages.getMessage("request.concurrent", null, locale));
    }

    /**
     * Anything unforeseen: a plain 500 with an id that is in the log, and nothing else — never SQL, an exception's
     * name or message, a stack trace or a server path.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        log.error("Request {} {} failed, error id {}", request.getMethod(), request.getRequestURI(), id, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
                messages.getMessage("request.failed", new Object[] {id}, locale));
        problem.setProperty("errorId", id);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() != null ? e.getPropertyName()
                : e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName() : "value";
        return invalidParameter(field, "request.parameter.invalid", org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalidParameter(e.getParameterName(), "request.parameter.missing", org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return invalidParameter(e.getRequestPartName(), "request.parameter.missing", org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** Spring's own refusals (405, 406, 413, 415 …) keep their status but carry no exception text. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            String id = java.util.UUID.randomUUID().toString().substring(0, 8);
            log.error("Request failed, error id {}", id, e);
            ProblemDetail problem = problem(HttpStatus.valueOf(status.value()), "Internal Server Error",
                    messages.getMessage("request.failed", new Object[] {id}, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            problem.setProperty("errorId", id);
            return super.handleExceptionInternal(e, problem, headers, status, request);
        }
        String ours = springRefusal(e, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        if (ours != null) {
            ProblemDetail problem = problem(HttpStatus.valueOf(status.value()), HttpStatus.valueOf(status.value()).getReasonPhrase(), ours);
            body = problem;
        }
        if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
            String detail = body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail()
                    : e instanceof org.springframework.web.ErrorResponse r && r.getBody().getDetail() != null ? r.getBody().getDetail()
                    : status.toString();
            ResponseEntity<String> refusal = protocolRefusal(servlet.getRequest(), status, detail);
            if (refusal != null) {
                HttpHeaders both = new HttpHeaders();
                both.addAll(headers);
                both.setContentType(refusal.getHeaders().getContentType());
                return new ResponseEntity<>(refusal.getBody(), both, refusal.getStatusCode());
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /**
     * Spring's own refusals in the project's words instead of its English ("Method 'PUT' is not supported."): the
     * wrong method (405, with the methods the path takes; {@code Allow} stays), a body type the endpoint does not read
     * (415; {@code Accept} stays), an answer type it cannot write (406) and an upload over the size limit (413). Null for
     * the others.
     */
    private String springRefusal(Exception e, Locale locale) {
        if (e instanceof org.springframework.web.HttpRequestMethodNotSupportedException m) {
            java.util.Set<org.springframework.http.HttpMethod> allowed = m.getSupportedHttpMethods();
            String methods = allowed == null || allowed.isEmpty() ? "-" : allowed.stream()
                    .map(org.springframework.http.HttpMethod::name).sorted().collect(java.util.stream.Collectors.joining(", "));
            return messages.getMessage("request.methodNotAllowed", new Object[] {m.getMethod(), methods}, locale);
        }
        if (e instanceof org.springframework.web.HttpMediaTypeNotSupportedException m) {
            return messages.getMessage("request.mediaTypeNotSupported", new Object[] {
                    m.getContentType() == null ? "-" : m.getContentType().toString(), types(m.getSupportedMediaTypes())}, locale);
        }
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return messages.getMessage("request.uploadTooLarge", null, locale);
        }
        if (e instanceof org.springframework.web.HttpMediaTypeNotAcceptableException m) {
            return messages.getMessage("request.notAcceptable", new Object[] {types(m.getSupportedMediaTypes())}, locale);
        }
        return null;
    }

    private static String types(List<org.springframework.http.MediaType> types) {
        return types == null || types.isEmpty() ? "-" : types.stream().map(org.springframework.http.MediaType::toString)
                .distinct().collect(java.util.stream.Collectors.joining(", "));
    }

    private ResponseEntity<Object> invalidParameter(String field, String key, Locale locale) {
        return invalidParameters(java.util.Collections.singletonList(field), key, locale);
    }

    /** Each field named once, by at most 64 characters (a junk key can be 100 KB). */
    private ResponseEntity<Object> invalidParameters(List<String> fields, String key, Locale locale) {
        return ResponseEntity.badRequest().body(invalidInput(fields.stream()
                .map(f -> f == null ? "value" : f.length() > 64 ? f.substring(0, 64) : f).distinct()
                .map(name -> new FieldError(name, FieldMessages.of(messages, new FieldProblem(name, key, name), locale))).toList(),
                locale));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList();
        return ResponseEntity.badRequest().body(invalidInput(errors, locale));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // a value of the wrong type or form is named by its field, with the wrong fields noted before it
        // (WrongFields); broken JSON as a whole is unreadable. A failure of the body as a whole after wrong fields were
        // noted (an object built from their neutral values) names those fields.
        List<String> notedBefore = WrongFields.finish();
        boolean noted = notedBefore != null && !notedBefore.isEmpty();
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m && (noted || !m.getPath().isEmpty())
                && !(m.getCause() instanceof com.fasterxml.jackson.core.JsonParseException)) {
            List<String> fields = new java.util.ArrayList<>(noted ? notedBefore : List.of());
            if (!m.getPath().isEmpty()) {
                fields.add(m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("value"));
            }
            return invalidParameters(fields, "request.parameter.invalid", org.springframework.context.i18n.LocaleContextHolder.getLocale());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("request.unreadable", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        problem.setTitle("Unreadable request");
        return ResponseEntity.badRequest().body(problem);
    }

    /** The detail names every wrong field in words (标题、描述); {@code errors[].field} keeps the codes. */
    private ProblemDetail invalidInput(List<FieldError> errors, Locale locale) {
        String fields = errors.stream().map(e -> FieldMessages.label(messages, e.field(), locale)).distinct()
                .collect(java.util.stream.Collectors.joining(messages.getMessage("field.separator", null, "、", locale)));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("request.invalid", new Object[] {errors.size(), fields}, locale));
        problem.setTitle("Invalid input");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
