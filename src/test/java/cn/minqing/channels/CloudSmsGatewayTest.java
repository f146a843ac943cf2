package cn.minqing.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The cloud provider adapter (MINQING_SMS_PROVIDER=aliyun) against a loopback server that checks requests the way
 * the provider does: template code and JSON parameters, our id as OutId, and the HMAC-SHA1 signature over the
 * sorted, percent-encoded parameters — recomputed here from the provider's documented recipe, not by the adapter.
 */
class CloudSmsGatewayTest {

    @Test
    void sendsATemplateWithParametersSignedAsTheProviderChecksIt() throws Exception {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        List<String> codes = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("OK", "isv.BUSINESS_LIMIT_CONTROL", "isv.MOBILE_NUMBER_ILLEGAL"));
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", x -> {
            Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            seen.set(form);
            boolean signed = form.get("Signature").equals(expectedSignature("key-secret", form));
            String code = signed ? codes.remove(0) : "SignatureDoesNotMatch";
            byte[] body = ("{\"Code\":\"" + code + "\",\"BizId\":\"900619746936498440^0\"}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        provider.start();
        try {
            CloudSmsGateway gateway = new CloudSmsGateway(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/"), "key-id", "key-secret", "民情",
                    Duration.ofSeconds(5), new ObjectMapper(), Clock.fixed(Instant.parse("2031-03-04T02:00:00Z"), ZoneOffset.UTC));
            UUID id = UUID.randomUUID();
            Outgoing text = new Outgoing(id, "13800000000", "MQ_RECEIVED",
                    Map.of("title", "村口水管爆了", "number", "QS-20310304-0001", "handler", "相关部门"), "您反映的…");

            assertThat(gateway.send(text).kind()).isEqualTo(GatewayAnswer.Kind.ACCEPTED);
            Map<String, String> form = seen.get();
            assertThat(form).containsEntry("Action", "SendSms").containsEntry("PhoneNumbers", "13800000000")
                    .containsEntry("TemplateCode", "MQ_RECEIVED").containsEntry("SignName", "民情")
                    .containsEntry("OutId", id.toString()).containsEntry("AccessKeyId", "key-id")
                    .containsEntry("Timestamp", "2031-03-04T02:00:00Z");
            assertThat(new ObjectMapper().readTree(form.get("TemplateParam")).path("title").asText()).isEqualTo("村口水管爆了");

            assertThat(gateway.send(text).kind()).as("throttled: later").isEqualTo(GatewayAnswer.Kind.RETRY);
            assertThat(gateway.send(text).kind()).as("a wrong number: never").isEqualTo(GatewayAnswer.Kind.REFUSED);
            CloudSmsGateway wrongSecret = new CloudSmsGateway(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/"), "key-id", "not-the-secret", "民情",
                    Duration.ofSeconds(5), new ObjectMapper(), Clock.systemUTC());
            assertThat(wrongSecret.send(text).kind()).isEqualTo(GatewayAnswer.Kind.REFUSED);
        } finally {
            provider.stop(0);
        }
    }

    /** The provider's recipe: StringToSign = "POST&%2F&" + pct(sorted "k=v" joined by &), key = secret + "&". */
    private static String expectedSignature(String secret, Map<String, String> form) {
        Map<String, String> sorted = new TreeMap<>(form);
        sorted.remove("Signature");
        String query = sorted.entrySet().stream().map(e -> pct(e.getKey()) + "=" + pct(e.getValue())).collect(Collectors.joining("&"));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(("POST&%2F&" + pct(query)).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pct(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
