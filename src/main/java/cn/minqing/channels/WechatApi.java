package cn.minqing.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The official account's server API (MINQING_WECHAT_API_BASE): the access token, fetched once and cached until
 * five minutes before it expires (fetched again at once when WeChat says it is no longer valid), template messages
 * (with the message id as client_msg_id, WeChat's own guard against sending one twice), and the web authorisation's
 * code-for-openid exchange.
 */
class WechatApi {

    private static final int TOKEN_INVALID = 40001;
    private static final int TOKEN_EXPIRED = 42001;

    private final HttpClient http;
    private final URI base;
    private final String appId;
    private final String appSecret;
    private final Duration timeout;
    private final ObjectMapper json;
    private String token;
    private Instant tokenUntil = Instant.MIN;

    WechatApi(HttpClient http, URI base, String appId, String appSecret, Duration timeout, ObjectMapper json) {
        this.http = http;
        this.base = base;
        this.appId = appId;
        this.appSecret = appSecret;
        this.timeout = timeout;
        this.json = json;
    }

    String appId() {
        return appId;
    }

    GatewayAnswer sendTemplate(Outgoing m) {
        try {
            JsonNode answer = postTemplate(m, accessToken(false));
            int code = answer.path("errcode").asInt(0);
            if (code == TOKEN_INVALID || code == TOKEN_EXPIRED) {
                answer = postTemplate(m, accessToken(true));
                code = answer.path("errcode").asInt(0);
            }
            return code == 0 ? GatewayAnswer.accepted("msgid " + answer.path("msgid").asText(""))
                    : code == -1 || code == 45009 ? GatewayAnswer.retry("errcode " + code) : GatewayAnswer.refused("errcode " + code);
        } catch (HttpTimeoutException e) {
            return GatewayAnswer.retry("timeout");
        } catch (IOException | IllegalStateException e) {
            return GatewayAnswer.retry("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GatewayAnswer.retry("interrupted");
        }
    }

    /** The openid behind a web authorisation code; empty when WeChat does not accept the code. */
    Optional<String> openIdFor(String code) {
        try {
            JsonNode answer = get("/sns/oauth2/access_token?appid=" + enc(appId) + "&secret=" + enc(appSecret)
                    + "&code=" + enc(code) + "&grant_type=authorization_code");
            String openId = answer.path("openid").asText("");
            return openId.isBlank() ? Optional.empty() : Optional.of(openId);
        } catch (IOException | IllegalStateException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private JsonNode postTemplate(Outgoing m, String accessToken) throws IOException, InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("first", Map.of("value", m.text()));
        m.params().forEach((k, v) -> data.put(k, Map.of("value", v)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", m.to());
        body.put("template_id", m.template());
        body.put("client_msg_id", m.id().toString());
        body.put("data", data);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/cgi-bin/message/template/send?access_token=" + enc(accessToken)))
                .timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    synchronized String accessToken(boolean renew) throws IOException, InterruptedException {
        if (renew || token == null || Instant.now().isAfter(tokenUntil)) {
            JsonNode answer = get("/cgi-bin/token?grant_type=client_credential&appid=" + enc(appId) + "&secret=" + enc(appSecret));
            String fresh = answer.path("access_token").asText("");
            if (fresh.isBlank()) {
                throw new IllegalStateException("no access token: errcode " + answer.path("errcode").asText());
            }
            token = fresh;
            tokenUntil = Instant.now().plusSeconds(Math.max(60, answer.path("expires_in").asLong(7200) - 300));
        }
        return token;
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout).GET().build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException("HTTP " + answer.statusCode());
        }
        return json.readTree(answer.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
