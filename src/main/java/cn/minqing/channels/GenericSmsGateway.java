package cn.minqing.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in adapter: POSTs {id, to, template, params, text} as JSON to MINQING_SMS_URL, signed like the callbacks
 * (X-Minqing-Signature: HMAC-SHA256 of the body, hex) and with the id also as Idempotency-Key; any 2xx is taken.
 */
class GenericSmsGateway implements SmsGateway {

    private final HttpClient http;
    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final ObjectMapper json;

    GenericSmsGateway(HttpClient http, URI url, String secret, Duration timeout, ObjectMapper json) {
        this.http = http;
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public GatewayAnswer send(Outgoing m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", m.id().toString());
        body.put("to", m.to());
        body.put("template", m.template());
        body.put("params", m.params());
        body.put("text", m.text());
        byte[] bytes = bytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", m.id().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (secret != null && !secret.isBlank()) {
            request.header("X-Minqing-Signature", Hmac.sha256Hex(secret, bytes));
        }
        try {
            return GatewayAnswer.ofStatus(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return GatewayAnswer.retry("timeout");
        } catch (IOException e) {
            return GatewayAnswer.retry("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GatewayAnswer.retry("interrupted");
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
