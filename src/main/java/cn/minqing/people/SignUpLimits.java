package cn.minqing.people;

import cn.minqing.platform.web.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Self sign-up is rate-limited per client address ({@code minqing.registration.per-address-per-hour}, 5) and
 * per village ({@code minqing.registration.per-village-per-day}, 50): a script cannot fill a village with
 * accounts. Counted in PostgreSQL, so every app instance shares the count. 代办开户 by a cadre is not limited.
 */
@Component
class SignUpLimits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAddressPerHour;
    private final int perVillagePerDay;

    SignUpLimits(JdbcClient jdbc, Clock clock,
                 @Value("${minqing.registration.per-address-per-hour:5}") int perAddressPerHour,
                 @Value("${minqing.registration.per-village-per-day:50}") int perVillagePerDay) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddressPerHour = perAddressPerHour;
        this.perVillagePerDay = perVillagePerDay;
    }

    /** Refuses with 429 when the address or the village has had its share. */
    void check(String address, String villageCode) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (address != null && count("address", address, now.minusHours(1)) >= perAddressPerHour) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "register.tooManyFromAddress");
        }
        if (count("village_code", villageCode, now.minusDays(1)) >= perVillagePerDay) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "register.tooManyInVillage");
        }
    }

    void record(String address, String villageCode) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("delete from minqing.signup where at < ?").param(now.minusDays(2)).update();
        jdbc.sql("insert into minqing.signup (address, village_code, at) values (?, ?, ?)")
                .params(address, villageCode, now).update();
    }

    private int count(String column, String value, OffsetDateTime since) {
        return jdbc.sql("select count(*) from minqing.signup where " + column + " = ? and at > ?")
                .params(value, since).query(Integer.class).single();
    }
}
