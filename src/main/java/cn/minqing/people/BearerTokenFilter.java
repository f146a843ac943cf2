package cn.minqing.people;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer mq_…} on the API: a valid token signs the request in as its owner;
 * a bad or expired one is answered 401. Part of the API's security chain only (not a servlet filter).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final org.springframework.security.web.AuthenticationEntryPoint refusals;

    public BearerTokenFilter(ApiTokens tokens, UserDetailsService users,
                             org.springframework.security.web.AuthenticationEntryPoint refusals) {
        this.tokens = tokens;
        this.users = users;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Owner> owner = tokens.userOf(token);
        Optional<UserDetails> user = owner.map(o -> users.loadUserByUsername(o.username()))
                .filter(u -> u.isEnabled() && u.isAccountNonLocked());
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            refusals.commence(request, response,
                    new org.springframework.security.authentication.BadCredentialsException("token not valid or expired"));
            return;
        }
        UserDetails u = user.get();
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities());
        authentication.setDetails(new ApiTokens.Use(owner.get().tokenId()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    /** The bearer token; on Open311 paths, without an Authorization header, the {@code api_key} parameter. */
    private static String tokenOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        if (header == null && request.getRequestURI().startsWith(request.getContextPath() + "/open311/")) {
            String key = request.getParameter("api_key");
            return key == null || key.isBlank() ? null : key.strip();
        }
        return null;
    }
}
