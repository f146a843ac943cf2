package cn.minqing.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every signed-in request against the account as PostgreSQL has it now, so that a change made on
 * any app instance counts at once: a disabled account, or one whose security stamp has moved on (password,
 * roles, organisation or village changed), loses its session and is asked to sign in again (401 on the
 * API, the sign-in page for pages). An account that must change its password may do only that: the API
 * answers 403 problem+json, pages go to the change-password page. On the API (no sessions) the account was read in
 * the same request, so its state is taken from there instead of being queried again.
 */
class AccountStateFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    private final UserAccounts accounts;
    private final ProblemResponses problems;
    private final boolean api;

    AccountStateFilter(UserAccounts accounts, ProblemResponses problems, boolean api) {
        this.accounts = accounts;
        this.problems = problems;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Principal principal)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserAccounts.State> state = api ? Optional.of(stateAsLoaded(principal)) : accounts.state(principal.getUsername());
        if (state.isEmpty() || !state.get().enabled() || state.get().securityStamp() != principal.securityStamp()) {
            endSession(request);
        } else if (state.get().mustChangePassword() && !mayWhileMustChange(request)) {
            if (api) {
                problems.send(request, response, HttpStatus.FORBIDDEN, "account.mustChangePassword");
            } else {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The API's chain keeps no sessions (stateless): its principal was read from PostgreSQL in this very request, by
     * HTTP Basic or the bearer token, so it is the account's state now, and a second query would only repeat it.
     * Pages keep a session, whose principal may be hours old, and ask the database every time.
     */
    private static UserAccounts.State stateAsLoaded(Principal principal) {
        return new UserAccounts.State(principal.securityStamp(), principal.enabled(), principal.mustChangePassword());
    }

    /** The authorization that follows finds nobody signed in and asks for a sign-in. */
    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private boolean mayWhileMustChange(HttpServletRequest request) {
        String path = request.getServletPath();
        if (api) {
            return path.equals("/api/me/password") || (path.equals("/api/me") && request.getMethod().equals("GET"));
        }
        return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/login") || path.equals("/error")
                || path.startsWith("/css/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }
}
