package cn.minqing.people;

import cn.minqing.platform.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens for clients that cannot keep a password: shown once, stored as a hash, expiring. */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final AuditLog audit;

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Issued(String token, OffsetDateTime expiresAt) {
    }

    @Transactional
    public Issued issue(String username, String name, int days) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "mq_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = OffsetDateTime.now().plusDays(Math.max(1, Math.min(days, 365)));
        jdbc.sql("insert into minqing.api_token (token_hash, username, name, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), username, name == null || name.isBlank() ? "api" : name.strip(), expires).update();
        audit.record(username, "token.issued", username, name);
        return new Issued(token, expires);
    }

    /** The user a valid, unrevoked, unexpired token belongs to. */
    @Transactional(readOnly = true)
    public Optional<String> userOf(String token) {
        return jdbc.sql("""
                select username from minqing.api_token
                 where token_hash = ? and revoked_at is null and expires_at > now()
                """).param(hash(token)).query(String.class).optional();
    }

    @Transactional
    public int revokeAll(String username) {
        audit.record(username, "token.revoked", username, null);
        return jdbc.sql("update minqing.api_token set revoked_at = now() where username = ? and revoked_at is null")
                .param(username).update();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
