package cn.minqing.people;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for clients that cannot keep a password: shown once, stored as a hash, expiring.
 * Their owner lists them (never the secret) and revokes each; a change of the account's access revokes
 * them all (a trigger on the account, see V101).
 */
@Service
public class ApiTokens {

    static final int MAX_NAME_LENGTH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TokenUses uses = new TokenUses(java.time.Duration.ofMinutes(1));

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Issued(long id, String token, OffsetDateTime expiresAt) {
    }

    /** A token as its owner sees it in the list. */
    public record Listed(long id, String name, OffsetDateTime created, OffsetDateTime lastUsed, OffsetDateTime expiresAt,
                         OffsetDateTime revokedAt) {
    }

    /** The token a request was signed in with (the authentication's details). */
    public record Use(long tokenId) {
    }

    /** The owner of a valid token, and the token's id. */
    public record Owner(String username, long tokenId) {
    }

    @Transactional
    public Issued issue(String username, String name, int days) {
        String label = name == null || name.isBlank() ? "api" : name.strip();
        if (label.length() > MAX_NAME_LENGTH || label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "token.name.invalid");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "mq_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = OffsetDateTime.now().plusDays(Math.max(1, Math.min(days, 365)));
        long id = jdbc.sql("insert into minqing.api_token (token_hash, username, name, expires_at) values (?, ?, ?, ?) returning id")
                .params(hash(token), username, label, expires).query(Long.class).single();
        audit.record(username, "token.issued", username, label);
        return new Issued(id, token, expires);
    }

    /**
     * The owner of a valid, unrevoked, unexpired token; notes its use at most once a minute. One statement per request
     * in the common case (issue 16): the use is written only when this instance has not noted it for a minute, and
     * then only where the stored time is older (another instance may have noted it).
     */
    public Optional<Owner> userOf(String token) {
        String hash = hash(token);
        Optional<Owner> owner = jdbc.sql("""
                select username, id as token_id from minqing.api_token
                 where token_hash = ? and revoked_at is null and expires_at > now()
                """).param(hash).query(Owner.class).optional();
        owner.filter(o -> uses.due(o.tokenId())).ifPresent(o -> jdbc.sql("""
                update minqing.api_token set last_used_at = now()
                 where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
                """).param(o.tokenId()).update());
        return owner;
    }

    @Transactional(readOnly = true)
    public List<Listed> list(String username) {
        return jdbc.sql("""
                select id, name, created_at as created, last_used_at as last_used, expires_at, revoked_at
                  from minqing.api_token where username = ? order by id desc
                """).param(username).query(Listed.class).list();
    }

    @Transactional
    public void revoke(String username, long id) {
        int found = jdbc.sql("""
                update minqing.api_token set revoked_at = coalesce(revoked_at, now()) where id = ? and username = ?
                """).params(id, username).update();
        if (found == 0) {
            throw ApiException.notFound("token.notFound", id);
        }
        audit.record(username, "token.revoked", username, "#" + id);
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
