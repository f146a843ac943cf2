package cn.minqing.open311;

import cn.minqing.platform.web.ProtocolRefusals;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Refusals on {@code /open311/} made before the GeoReport controller runs (no or a bad {@code api_key}, the wrong
 * method or content type, an unknown path), written as GeoReport v2 writes errors: {@code [{code, description}]} in
 * the path's format. The specification names 403 for an invalid api_key, so a refused key is 403, not 401.
 */
@Component
class GeoReportRefusals implements ProtocolRefusals {

    @Override
    public boolean covers(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/open311/");
    }

    @Override
    public ResponseEntity<String> refusal(HttpServletRequest request, HttpStatusCode status, String description) {
        HttpStatus answered = status.value() == 401 ? HttpStatus.FORBIDDEN : HttpStatus.valueOf(status.value());
        return render(answered, GeoReportController.formatOf(request.getRequestURI()), description, null);
    }

    static ResponseEntity<String> render(HttpStatus status, String format, String description, String field) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", status.value());
        e.put("description", description);
        if (field != null) {
            e.put("field", field);
        }
        return GeoReport.render(status, format, "errors", List.of(e));
    }
}
