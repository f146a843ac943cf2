package cn.minqing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session over plain HTTP: asks for HTML, keeps the session cookie, sends forms with their CSRF token, follows
 * no redirects (so a test sees where it is sent), and may pose as a client at another address through
 * X-Forwarded-For (the test profile trusts the loopback as a proxy).
 */
public class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final String forwardedFor;
    private final HttpClient http;

    public WebSession(int port, String forwardedFor) {
        this.base = "http://localhost:" + port;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the sign-in form; returns the answer (a redirect: to / when it worked). */
    public HttpResponse<String> login(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** Opens {@code page}, takes the CSRF token from its form and posts {@code fields} to {@code action}. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(get(page).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Like {@link #submit}, as multipart/form-data with files (each a field name, file name and bytes), as a form
     * with {@code enctype="multipart/form-data"} sends; fields may repeat (a list of name-value pairs).
     */
    public HttpResponse<String> submitMultipart(String page, String action, java.util.List<Map.Entry<String, String>> fields,
                                                java.util.List<FilePart> files) {
        Matcher csrf = CSRF.matcher(get(page).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        String boundary = "----minqing" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf.group(1)));
        for (Map.Entry<String, String> f : all) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart f : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
                    + f.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A file in a multipart form. */
    public record FilePart(String field, String fileName, byte[] bytes) {
    }

    /** Where a redirect sends the browser (path and query), or null if the answer is no redirect. */
    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml");
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
