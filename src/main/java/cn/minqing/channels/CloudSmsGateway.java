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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A provider adapter shaped like Alibaba Cloud's SendSms (MINQING_SMS_PROVIDER=aliyun): an RPC-style form POST with
 * template code and JSON parameters (the text itself is the provider's registered template), the message id as
 * OutId (it comes back on the delivery receipt) and as SignatureNonce, signed with HMAC-SHA1 over the sorted,
 * percent-encoded parameters under "secret&amp;". Answers {"Code": "OK"} when taken; throttling codes are tried again.
 */
class CloudSmsGateway implements SmsGateway {

    private static final Set<String> TRY_AGAIN = Set.of("isv.BUSINESS_LIMIT_CONTROL", "Throttling.User", "isp.RAM_PERMISSION_DENY",
            "isp.SYSTEM_ERROR", "ServiceUnavailable");

    private final HttpClient http;
    private final URI url;
    private final String accessKeyId;
    private final String secret;
    private final String signName;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;

    CloudSmsGateway(HttpClient http, URI url, String accessKeyId, String secret, String signName, Duration timeout,
                    ObjectMapper json, Clock clock) {
        this.http = http;
        this.url = url;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.signName = signName;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public GatewayAnswer send(Outgoing m) {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", "SendSms");
        p.put("Version", "2017-05-25");
        p.put("Format", "JSON");
        p.put("AccessKeyId", accessKeyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", m.id().toString());
        p.put("Timestamp", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("PhoneNumbers", m.to());
        p.put("SignName", signName);
        p.put("TemplateCode", m.template());
        p.put("TemplateParam", write(m.params()));
        p.put("OutId", m.id().toString());
        String query = canonical(p);
        String signature = signature(secret, "POST", query);
        String form = query + "&Signature=" + encode(signature);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500) {
                return GatewayAnswer.retry("HTTP " + answer.statusCode());
            }
            JsonNode body = json.readTree(answer.body());
            String code = body.path("Code").asText("");
            return code.equals("OK") ? GatewayAnswer.accepted("BizId " + body.path("BizId").asText(""))
                    : TRY_AGAIN.contains(code) ? GatewayAnswer.retry(code) : GatewayAnswer.refused(code);
        } catch (HttpTimeoutException e) {
            return GatewayAnswer.retry("timeout");
        } catch (IOException e) {
            return GatewayAnswer.retry("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GatewayAnswer.retry("interrupted");
        }
    }

    /** The provider's signature: base64(HMAC-SHA1(secret + "&", METHOD + "&%2F&" + encode(sorted query))). */
    static String signature(String secret, String method, String canonicalQuery) {
        String toSign = method + "&" + encode("/") + "&" + encode(canonicalQuery);
        return Base64.getEncoder().encodeToString(Hmac.of("HmacSHA1", secret + "&", toSign.getBytes(StandardCharsets.UTF_8)));
    }

    static String canonical(Map<String, String> sorted) {
        return new TreeMap<>(sorted).entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 3986 percent-encoding, as the provider wants it (space %20, * %2A, ~ kept). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
