package cn.minqing.intake;

import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which case each (user, Idempotency-Key) created. Two concurrent requests with one key
 * serialise on the primary key: the second waits for the first to commit and then gets its case.
 */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns {@code number} if this key is new, else the number of the case the key already made. */
    String claim(String username, String key, String fingerprint, String number) {
        if (key.length() > 200) {
            throw new InvalidInputException("Idempotency-Key", "case.idempotency.size");
        }
        int inserted = jdbc.sql("""
                insert into minqing.idempotency_key (username, key, request_hash, case_number) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(username, key, fingerprint, number).update();
        if (inserted == 1) {
            return number;
        }
        record Earlier(String requestHash, String caseNumber) {
        }
        Earlier earlier = jdbc.sql("select request_hash, case_number from minqing.idempotency_key where username = ? and key = ?")
                .params(username, key).query(Earlier.class).single();
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "case.idempotency.mismatch");
        }
        return earlier.caseNumber();
    }
}
