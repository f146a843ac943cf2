package cn.minqing.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback WeChat: the official account's access token (/cgi-bin/token), template messages
 * (/cgi-bin/message/template/send, once per client_msg_id, 40001 for a token it did not give or revoked), and web
 * authorisation: /connect/oauth2/authorize sends the browser back to redirect_uri with a code for the WeChat user
 * "in the phone" ({@link #signedInAs}), /sns/oauth2/access_token trades it for their openid.
 */
final class FakeWechat implements AutoCloseable {

    static final String APP_ID = "wx-test-app";
    static final String APP_SECRET = "wx-test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger tokensIssued = new AtomicInteger();
    final List<JsonNode> templates = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizeRequests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final HttpServer server;
    private volatile String token;
    private volatile String openId = "o-nobody";

    FakeWechat() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/message/template/send", this::template);
        server.createContext("/connect/oauth2/authorize", this::authorize);
        server.createContext("/sns/oauth2/access_token", this::exchange);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The WeChat user whose phone opens the next pages. */
    void signedInAs(String openId) {
        this.openId = openId;
    }

    /** WeChat revokes the token it gave (another server fetched one): the next use gets 40001. */
    void revokeToken() {
        token = null;
    }

    List<JsonNode> templatesTo(String openId) {
        synchronized (templates) {
            return templates.stream().filter(t -> t.path("touser").asText().equals(openId)).toList();
        }
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        if (!APP_ID.equals(q.get("appid")) || !APP_SECRET.equals(q.get("secret"))) {
            answer(x, 200, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
            return;
        }
        token = "token-" + tokensIssued.incrementAndGet();
        answer(x, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
    }

    private void template(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
        if (token == null || !token.equals(query(x).get("access_token"))) {
            answer(x, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            return;
        }
        synchronized (templates) {
            String key = body.path("client_msg_id").asText();
            if (templates.stream().noneMatch(t -> t.path("client_msg_id").asText().equals(key))) {
                templates.add(body);
            }
        }
        answer(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + templates.size() + "}");
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        authorizeRequests.add(x.getRequestURI().toString());
        String code = "code-" + java.util.UUID.randomUUID();
        codes.put(code, openId);
        String back = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Location", back);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void exchange(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        String openIdOfCode = codes.remove(q.getOrDefault("code", ""));
        if (openIdOfCode == null || !APP_SECRET.equals(q.get("secret"))) {
            answer(x, 200, "{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
            return;
        }
        answer(x, 200, "{\"access_token\":\"web-token\",\"expires_in\":7200,\"openid\":\"" + openIdOfCode
                + "\",\"scope\":\"snsapi_base\"}");
    }

    private static Map<String, String> query(HttpExchange x) {
        Map<String, String> q = new HashMap<>();
        String raw = x.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
