package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The remembered match is bcrypt's own answer, given again only for the same password and the same hash. */
class RememberedPasswordsTest {

    private final AtomicInteger hashed = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashed.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final RememberedPasswords passwords = new RememberedPasswords(counting, clock);

    @Test
    void aPasswordThatMatchedIsNotHashedAgainUntilItIsForgotten() {
        String hash = passwords.encode("chunhua2026");
        assertThat(passwords.matches("chunhua2026", hash)).isTrue();
        assertThat(passwords.matches("chunhua2026", hash)).isTrue();
        assertThat(passwords.matches("chunhua2026", hash)).isTrue();
        assertThat(hashed).hasValue(1);

        now = now.plus(RememberedPasswords.KEPT).plusSeconds(1);
        assertThat(passwords.matches("chunhua2026", hash)).isTrue();
        assertThat(hashed).hasValue(2);
    }

    @Test
    void wrongPasswordsAreCheckedEveryTimeAndNeverRemembered() {
        String hash = passwords.encode("chunhua2026");
        assertThat(passwords.matches("chunhua2025", hash)).isFalse();
        assertThat(passwords.matches("chunhua2025", hash)).isFalse();
        assertThat(hashed).hasValue(2);
        assertThat(passwords.matches("chunhua2026", hash)).isTrue();
        assertThat(passwords.matches("chunhua2025", hash)).isFalse();
        assertThat(hashed).hasValue(4);
    }

    @Test
    void aChangedPasswordHasANewHashSoTheOldPasswordIsCheckedAgainAndRefused() {
        String before = passwords.encode("chunhua2026");
        assertThat(passwords.matches("chunhua2026", before)).isTrue();
        String after = passwords.encode("xinmima2027");
        assertThat(passwords.matches("chunhua2026", after)).isFalse();
        assertThat(passwords.matches("xinmima2027", after)).isTrue();
        assertThat(hashed).hasValue(3);
    }
}
