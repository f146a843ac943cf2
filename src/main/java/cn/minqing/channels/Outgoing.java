package cn.minqing.channels;

import java.util.Map;
import java.util.UUID;

/** One message as a gateway takes it: {@code id} is the idempotency key, {@code to} a number or an openid. */
record Outgoing(UUID id, String to, String template, Map<String, String> params, String text) {
}
