package cn.minqing.people;

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
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Problem details written by the security filters, which answer before Spring MVC's handlers could; on a protocol's
 * paths (Open311) that protocol's error list instead, as the API door's other refusals ({@code ApiRefusals}).
 */
@Component
class ProblemResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final List<ProtocolRefusals> protocols;

    ProblemResponses(MessageSource messages, LocaleResolver locales, ObjectMapper json, List<ProtocolRefusals> protocols) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.protocols = protocols;
    }

    void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        String detail = messages.getMessage(messageKey, null, messageKey, locale);
        if (ProtocolRefusals.writeIfCovered(protocols, request, response, status, detail)) {
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    String message(HttpServletRequest request, String messageKey) {
        return messages.getMessage(messageKey, null, messageKey, locales.resolveLocale(request));
    }
}
