package cn.minqing.people;

import cn.minqing.platform.audit.ClientAddresses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password sign-in (the sign-in form or HTTP Basic) from an address the {@link LoginThrottle} is
 * holding back, before the password is even checked: 429 with {@code Retry-After} on the API, back to the
 * sign-in page with a message on the form. Sessions and tokens pass untouched.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ClientAddresses addresses;
    private final ProblemResponses problems;

    LoginThrottleFilter(LoginThrottle throttle, ClientAddresses addresses, ProblemResponses problems) {
        this.throttle = throttle;
        this.addresses = addresses;
        this.problems = problems;
    }

    /** Makes the request known to the sign-in listeners and audit, which run inside Spring Security before MVC. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestContextHolder.getRequestAttributes() != null) {
            throttle(request, response, chain);
            return;
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
        try {
            throttle(request, response, chain);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private void throttle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isFormLogin(request);
        String username = form ? request.getParameter("username") : basicUsername(request);
        Optional<Duration> wait = username == null ? Optional.empty() : throttle.refusal(username, addresses.of(request));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds() + 1)));
        problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS, "login.throttled");
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // not Base64: Spring's Basic filter answers it
        }
    }
}
