package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Six-digit codes that confirm a mobile number: kept hashed, valid ten minutes, five tries, used once; at most one a
 * minute and five a day per account.
 */
@Repository
class PhoneCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    PhoneCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new code for the account, or null when it had one in the last minute or five today. */
    String issue(String username) {
        OffsetDateTime now = CaseClock.now();
        int recent = jdbc.sql("select count(*) from minqing.phone_code where username = ? and expires_at > ?")
                .params(username, now.plusMinutes(9)).query(Integer.class).single();
        int today = jdbc.sql("select count(*) from minqing.phone_code where username = ? and expires_at > ?")
                .params(username, now.minusHours(24)).query(Integer.class).single();
        if (recent > 0 || today >= 5) {
            return null;
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        jdbc.sql("insert into minqing.phone_code (username, code_hash, expires_at) values (?, ?, ?)")
                .params(username, hash(username, code), now.plusMinutes(10)).update();
        return code;
    }

    /** Whether the code is the account's latest, unexpired, unused one; each wrong try counts. */
    boolean confirm(String username, String code) {
        OffsetDateTime now = CaseClock.now();
        var latest = jdbc.sql("""
                select id, code_hash from minqing.phone_code
                 where username = ? and used_at is null and expires_at > ? and tries < 5 order by id desc limit 1
                """).params(username, now).query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("code_hash")}).optional();
        if (latest.isEmpty()) {
            return false;
        }
        long id = (Long) latest.get()[0];
        boolean right = code != null && MessageDigest.isEqual(((String) latest.get()[1]).getBytes(StandardCharsets.US_ASCII),
                hash(username, code.strip()).getBytes(StandardCharsets.US_ASCII));
        jdbc.sql("update minqing.phone_code set tries = tries + 1, used_at = case when ? then ? else null end where id = ?")
                .params(right, now, id).update();
        return right;
    }

    private static String hash(String username, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((username + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
