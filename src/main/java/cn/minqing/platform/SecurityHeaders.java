package cn.minqing.platform;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Headers on every response: a Content-Security-Policy (scripts only from the app itself: the pages keep
 * their scripts in /js and /webjars; inline style attributes stay allowed), no framing, nosniff, a
 * referrer policy, and Spring's HSTS on requests that came over TLS. Camunda's webapps under /camunda
 * set their own policy (they need their nonces and eval), so ours is left off there.
 */
final class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> everywhere() {
        return headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")),
                        new StaticHeadersWriter("Content-Security-Policy", POLICY)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
        // Spring's defaults stay: X-Content-Type-Options nosniff, X-Frame-Options DENY (Camunda's own
        // policy says frame-ancestors 'none' too), Cache-Control no-store, HSTS only on secure requests
    }
}
