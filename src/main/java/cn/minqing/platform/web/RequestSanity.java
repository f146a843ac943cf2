package cn.minqing.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, request parameters and paths that no field of Minqing can hold: a NUL
 * character (PostgreSQL cannot store one, and it is never typed by a person) or a parameter longer than any
 * field. Answered 400 in problem+json naming each such parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSanity extends OncePerRequestFilter {

    static final int MAX_PARAMETER = 2000;

    private final MessageSource messages;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final List<ProtocolRefusals> protocols;

    RequestSanity(MessageSource messages, com.fasterxml.jackson.databind.ObjectMapper json, List<ProtocolRefusals> protocols) {
        this.messages = messages;
        this.json = json;
        this.protocols = protocols;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String[]> problems = new ArrayList<>();
        // before the dispatcher resolves the locale: zh-CN unless the caller asks for another language
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
        if (request.getRequestURI().indexOf('\u0000') >= 0 || decoded(request).indexOf('\u0000') >= 0) {
            problems.add(new String[] {"path", messages.getMessage("request.nul", null, locale)});
        }
        // only the query string's parameters: reading a form body here would consume it
        for (Map.Entry<String, String[]> p : queryParameters(request).entrySet()) {
            for (String value : p.getValue()) {
                if (value.indexOf('\u0000') >= 0 || p.getKey().indexOf('\u0000') >= 0) {
                    problems.add(new String[] {p.getKey(), messages.getMessage("request.nul", null, locale)});
                } else if (value.length() > MAX_PARAMETER) {
                    problems.add(new String[] {p.getKey(), messages.getMessage("request.tooLong", new Object[] {MAX_PARAMETER}, locale)});
                }
            }
        }
        if ("/error".equals(request.getRequestURI()) && request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST) {
            // the container's error page called as a page of its own answered 500 (status 999): there is none
            response.setStatus(404);
            response.setContentType("application/problem+json;charset=UTF-8");
            json.writeValue(response.getWriter(), Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                    "detail", messages.getMessage("request.noSuchPath", null, locale)));
            return;
        }
        if (problems.isEmpty()) {
            try {
                chain.doFilter(request, response);
            } catch (org.springframework.http.converter.HttpMessageNotReadableException e) {
                // a PUT, PATCH or DELETE form body that is not form encoding (a=%ZZ): Spring's FormContentFilter reads
                // it before any handler could refuse it, and threw into the container (a 500)
                if (response.isCommitted()) {
                    throw e;
                }
                response.resetBuffer();
                refuse(request, response, locale, List.<String[]>of(new String[] {"body", messages.getMessage("request.formUnreadable", null, locale)}));
            }
            return;
        }
        refuse(request, response, locale, problems);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Locale locale, List<String[]> problems)
            throws IOException {
        for (ProtocolRefusals protocol : protocols) {
            if (protocol.covers(request)) {
                org.springframework.http.ResponseEntity<String> refusal = protocol.refusal(request,
                        org.springframework.http.HttpStatus.BAD_REQUEST, problems.get(0)[0] + ": " + problems.get(0)[1]);
                response.setStatus(refusal.getStatusCode().value());
                response.setContentType(String.valueOf(refusal.getHeaders().getContentType()));
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(refusal.getBody());
                return;
            }
        }
        response.setStatus(400);
        response.setContentType("application/problem+json;charset=UTF-8");
        List<Map<String, String>> errors = problems.stream()
                .map(p -> Map.of("field", p[0].length() > 100 ? p[0].substring(0, 100) : p[0].replace('\u0000', ' '),
                        "message", p[1])).toList();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Invalid input");
        body.put("status", 400);
        String fields = errors.stream().map(e -> FieldMessages.label(messages, e.get("field"), locale)).distinct()
                .collect(java.util.stream.Collectors.joining(messages.getMessage("field.separator", null, "、", locale)));
        body.put("detail", messages.getMessage("request.invalid", new Object[] {problems.size(), fields}, locale));
        body.put("errors", errors);
        json.writeValue(response.getWriter(), body);
    }

    private static Map<String, String[]> queryParameters(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return Map.of();
        }
        Map<String, String[]> params = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.merge(name, new String[] {value}, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // malformed escapes are the container's to refuse
        }
    }

    private static String decoded(HttpServletRequest request) {
        return decode(request.getRequestURI());
    }
}
