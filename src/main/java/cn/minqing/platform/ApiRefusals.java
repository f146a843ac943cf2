package cn.minqing.platform;

import cn.minqing.platform.web.ProtocolRefusals;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API door's own refusals, written at once instead of through the servlet container's error page (whose body is
 * Spring Boot's {@code {timestamp, status, error, path}}): no or wrong credentials → 401 problem+json with the
 * challenge, not allowed → 403 problem+json; on a protocol's paths (Open311) that protocol's error list instead.
 */
class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final ObjectMapper json;
    private final List<ProtocolRefusals> protocols;

    ApiRefusals(MessageSource messages, ObjectMapper json, List<ProtocolRefusals> protocols) {
        this.messages = messages;
        this.json = json;
        this.protocols = protocols;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean presented = e instanceof org.springframework.security.authentication.BadCredentialsException
                || e instanceof UsernameNotFoundException;
        write(request, response, HttpStatus.UNAUTHORIZED, presented ? "request.credentialsInvalid" : "request.signInRequired");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "request.forbidden");
    }

    /**
     * A path Spring Security's firewall will not route ({@code %25}, an encoded slash or dot-dot, invalid UTF-8):
     * 400 in the API's form on the API; the pages keep the container's error page.
     */
    void rejected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = String.valueOf(request.getRequestURI());
        if (uri.startsWith("/api/") || uri.startsWith("/open311/") || uri.startsWith("/engine-rest/")) {
            write(request, response, HttpStatus.BAD_REQUEST, "request.pathRejected");
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key) throws IOException {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
        String detail = messages.getMessage(key, null, key, locale);
        if (ProtocolRefusals.writeIfCovered(protocols, request, response, status, detail)) {
            return;
        }
        if (status == HttpStatus.UNAUTHORIZED && !response.containsHeader("WWW-Authenticate")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"minqing\"");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
