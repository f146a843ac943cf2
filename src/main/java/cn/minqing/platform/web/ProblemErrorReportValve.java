package cn.minqing.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Installed on Tomcat's host by {@link ProblemErrorReports}. Refusals Tomcat makes before Spring sees the request — a request line or header over the size limit (a 100 KB
 * query, a 100 KB header), a malformed request line — would be Tomcat's HTML page. On the API they are
 * problem+json, on Open311 GeoReport's error list; pages keep Tomcat's page (without server information).
 */
class ProblemErrorReportValve extends ErrorReportValve {

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // a request line too long to read has no path at all: answered as the API would be
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        boolean open311 = uri.startsWith("/open311/");
        int status = response.getStatus();
        if (!(uri.isEmpty() || uri.startsWith("/api/") || open311) || status < 400 || response.getContentWritten() > 0
                || !response.setErrorReported()) {
            super.report(request, response, throwable);
            return;
        }
        String reason = status == 400 ? "Bad Request" : "HTTP " + status;
        String detail = "请求无法处理：请求行或请求头过长或格式不对（Bad Request: the request line or a header is too long or malformed）";
        String body;
        if (open311 && uri.endsWith(".xml")) {
            response.setContentType("text/xml");
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + status + "</code><description>" + detail
                    + "</description></error></errors>";
        } else if (open311) {
            response.setContentType("application/json");
            body = "[{\"code\":" + status + ",\"description\":\"" + detail + "\"}]";
        } else {
            response.setContentType("application/problem+json");
            body = "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        }
        try {
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone: nothing to tell it
        }
    }
}
