package cn.minqing.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures: of webhook bodies (SHA-256, hex) and of cloud SMS requests (SHA-1). */
final class Hmac {

    private Hmac() {
    }

    static byte[] of(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String key, byte[] body) {
        return HexFormat.of().formatHex(of("HmacSHA256", key, body));
    }

    /** Whether {@code given} is the body's signature under the secret; compared in constant time. */
    static boolean verifies(String secret, byte[] body, String given) {
        if (secret == null || secret.isBlank() || given == null || given.isBlank()) {
            return false;
        }
        byte[] expected = sha256Hex(secret, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
