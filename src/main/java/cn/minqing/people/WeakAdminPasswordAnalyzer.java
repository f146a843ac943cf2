package cn.minqing.people;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused first administrator password into Spring Boot's "APPLICATION FAILED TO START" report. */
class WeakAdminPasswordAnalyzer extends AbstractFailureAnalyzer<FirstAdmin.WeakAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdmin.WeakAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set MINQING_ADMIN_PASSWORD to a password of at least " + AdminPasswordRule.MIN_LENGTH
                        + " characters that is not a well-known one, or unset it to have one generated.", cause);
    }
}
