package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

class AdminPasswordRuleTest {

    @Test
    void wellKnownShortAndMonotonousPasswordsAreRefused() {
        for (String weak : new String[] {"minqing", "admin", "password", "123456", "short9!", "Password123!",
                "minqing2026", "1234567890", "0987654321", "ADMIN-ADMIN-1", "aaaaaaaaaaaa", "abababababab", "changeme!!!!"}) {
            assertThat(AdminPasswordRule.weakness(weak)).as(weak).isPresent();
        }
    }

    @Test
    void aLongUnusualPasswordIsAccepted() {
        assertThat(AdminPasswordRule.weakness("Qingshi-county-7319")).isEmpty();
        assertThat(AdminPasswordRule.weakness("kT4mVx9qLr2wPz")).isEmpty();
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new FirstAdmin(null, null, null, null, null, "minqing12345"))
                .isInstanceOf(FirstAdmin.WeakAdminPasswordException.class)
                .hasMessageContaining("MINQING_ADMIN_PASSWORD")
                .hasMessageContaining("well-known");
        var analysis = new WeakAdminPasswordAnalyzer().analyze(
                new FirstAdmin.WeakAdminPasswordException("it is shorter than 10 characters"));
        assertThat(analysis.getDescription()).contains("shorter than 10");
        assertThat(analysis.getAction()).contains("MINQING_ADMIN_PASSWORD");
        // Spring Boot finds the analyser, so a refused password ends the start with this report, not a stack trace
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                SpringFactoriesLoader.ArgumentResolver.none(), SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> { })))
                .anyMatch(WeakAdminPasswordAnalyzer.class::isInstance);
    }
}
