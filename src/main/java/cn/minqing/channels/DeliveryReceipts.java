package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import cn.minqing.platform.web.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery receipts: the generic gateway's {id, status: delivered|failed, detail} (one or a list), or the cloud
 * provider's list of {out_id, success, err_code}. A receipt for an id that is not ours is ignored.
 */
@Service
class DeliveryReceipts {

    private final ChannelOutbox outbox;

    DeliveryReceipts(ChannelOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    int record(JsonNode body) {
        int recorded = 0;
        for (JsonNode r : body.isArray() ? body : java.util.List.of(body)) {
            String id = r.has("out_id") ? r.path("out_id").asText("") : r.path("id").asText("");
            boolean delivered = r.has("success") ? r.path("success").asBoolean(false)
                    : r.path("status").asText("").equals("delivered");
            if (!r.has("success") && !r.path("status").asText("").matches("delivered|failed")) {
                throw new InvalidInputException("status", "channels.receipt.status");
            }
            UUID uuid = uuid(id);
            String detail = r.has("err_code") ? r.path("err_code").asText(null) : r.path("detail").asText(null);
            if (uuid != null && outbox.receipt(uuid, delivered, CaseClock.now(), detail)) {
                recorded++;
            }
        }
        return recorded;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
