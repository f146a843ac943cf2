package cn.minqing.channels;

import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway's callbacks: texts villagers sent in ({id, from, text}) and delivery receipts ({id, status} or the
 * cloud provider's list of {out_id, success, err_code}). Open to the gateway only: the raw body must carry its
 * HMAC-SHA256 under MINQING_SMS_SECRET in X-Minqing-Signature (hex), else 401 and nothing is read.
 */
@RestController
class SmsCallbackController {

    private final ChannelGateways gateways;
    private final InboundTexts inbound;
    private final DeliveryReceipts receipts;
    private final ObjectMapper json;

    SmsCallbackController(ChannelGateways gateways, InboundTexts inbound, DeliveryReceipts receipts, ObjectMapper json) {
        this.gateways = gateways;
        this.inbound = inbound;
        this.receipts = receipts;
        this.json = json;
    }

    @PostMapping("/api/channels/sms/inbound")
    Map<String, String> inbound(@RequestBody(required = false) byte[] body,
                                @RequestHeader(value = "X-Minqing-Signature", required = false) String signature) {
        JsonNode text = signed(body, signature);
        List<FieldProblem> problems = new ArrayList<>();
        String id = field(text, "id", 64, problems);
        String from = field(text, "from", 20, problems);
        String words = field(text, "text", 500, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Map.of("handledAs", inbound.receive(id, from, words));
    }

    @PostMapping("/api/channels/sms/receipts")
    Map<String, Integer> receipts(@RequestBody(required = false) byte[] body,
                                  @RequestHeader(value = "X-Minqing-Signature", required = false) String signature) {
        return Map.of("recorded", receipts.record(signed(body, signature)));
    }

    private JsonNode signed(byte[] body, String signature) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!Hmac.verifies(gateways.callbackSecret(), bytes, signature)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "channels.signature.invalid");
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || node.isMissingNode() || !(node.isObject() || node.isArray())) {
                throw new InvalidInputException("body", "channels.body.invalid");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidInputException("body", "channels.body.invalid");
        }
    }

    private static String field(JsonNode node, String name, int max, List<FieldProblem> problems) {
        JsonNode value = node.path(name);
        if (!value.isTextual() && !value.isNumber() || value.asText().isBlank()) {
            problems.add(new FieldProblem(name, "channels.field.required"));
            return null;
        }
        if (value.asText().length() > max) {
            problems.add(new FieldProblem(name, "channels.field.tooLong", max));
            return null;
        }
        return value.asText();
    }
}
