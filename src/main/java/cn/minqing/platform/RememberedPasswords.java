package cn.minqing.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password against its bcrypt hash once, then remembers that this password matched this hash for a while.
 * A client on HTTP Basic sends its password with every request, and bcrypt costs about 100 ms of CPU each time: ten
 * requests a second per core. What is remembered is an HMAC of the hash and the password under a key made at start
 * and never stored, never the password. A changed password has a new hash, so the old one is no longer recognised at
 * once; disabled and locked accounts are refused before any password is checked; failures are never remembered, so
 * sign-in throttling sees every wrong guess. Entries are forgotten after a quarter of an hour, and the oldest go
 * first when many clients are known.
 */
final class RememberedPasswords implements PasswordEncoder {

    static final Duration KEPT = Duration.ofMinutes(15);
    private static final int MOST = 10_000;

    private final PasswordEncoder hashes;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Long> matched = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MOST;
        }
    };

    RememberedPasswords(PasswordEncoder hashes, Clock clock) {
        this.hashes = hashes;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashes.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return hashes.matches(rawPassword, encodedPassword);
        }
        String remembered = fingerprint(rawPassword, encodedPassword);
        long now = clock.millis();
        synchronized (matched) {
            Long until = matched.get(remembered);
            if (until != null && until > now) {
                return true;
            }
            matched.remove(remembered);
        }
        boolean ok = hashes.matches(rawPassword, encodedPassword);
        if (ok) {
            synchronized (matched) {
                matched.put(remembered, now + KEPT.toMillis());
            }
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
