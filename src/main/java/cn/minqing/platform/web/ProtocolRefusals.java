package cn.minqing.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * A protocol of its own under some paths (Open311 GeoReport v2 writes its refusals as a list of
 * {@code {code, description}} in the path's format): the refusals made before its controller is reached — no or a
 * bad key, the wrong method or content type, an unknown path — are written its way instead of as problem+json.
 */
public interface ProtocolRefusals {

    /** Whether this request's path belongs to the protocol. */
    boolean covers(HttpServletRequest request);

    /** The refusal as the protocol writes it; the protocol may answer with its own status (GeoReport: 403 for a key). */
    ResponseEntity<String> refusal(HttpServletRequest request, HttpStatusCode status, String description);

    /**
     * Writes the refusal the way the first protocol covering the request does; false when none covers it (the caller
     * then writes problem+json).
     */
    static boolean writeIfCovered(List<ProtocolRefusals> protocols, HttpServletRequest request,
                                  HttpServletResponse response, HttpStatusCode status, String description) throws IOException {
        for (ProtocolRefusals protocol : protocols) {
            if (protocol.covers(request)) {
                ResponseEntity<String> refusal = protocol.refusal(request, status, description);
                response.setStatus(refusal.getStatusCode().value());
                response.setContentType(String.valueOf(refusal.getHeaders().getContentType()));
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(refusal.getBody());
                return true;
            }
        }
        return false;
    }
}
