package cn.minqing.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.core.userdetails.UserDetailsService;
import cn.minqing.people.AccountFilters;
import cn.minqing.people.ApiTokens;
import cn.minqing.people.BearerTokenFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors. The JSON API and Camunda's REST API take HTTP Basic or a bearer token (401 without) and no CSRF token;
 * the pages take a login form, a session and CSRF protection. Camunda's webapps, its REST API and
 * the admin API are for admins only; health is open (its details for admins only), the API docs
 * need a signed-in person outside the demo.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** The requests the API's chain takes (the pages' chain takes the rest). */
    static final RequestMatcher API = new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/open311/**"));

    /** Spring Security's handler look-up cache for the pages only: nothing on the API's chain reads it. */
    @Bean
    static org.springframework.beans.factory.config.BeanFactoryPostProcessor handlerCacheForPages() {
        return HandlerCacheForPages.installer();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserDetailsService users, AccountFilters accounts,
                            ApiRefusals refusals) throws Exception {
        // path matchers, not MVC matchers: /engine-rest is Camunda's Jersey servlet, not Spring MVC
        http.securityMatcher(API)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/api/register")).permitAll()
                        // the SMS gateway's callbacks: no account, each body signed (X-Minqing-Signature, else 401)
                        .requestMatchers(path("/api/channels/sms/inbound"), path("/api/channels/sms/receipts")).permitAll()
                        // Open311 GeoReport v2: what it offers is open, requests need an account (api_key, Basic or Bearer)
                        .requestMatchers(get("/open311/v2/discovery.*"), get("/open311/v2/services.*"),
                                get("/open311/v2/services/*")).permitAll()
                        .requestMatchers(path("/engine-rest/**"), path("/api/admin/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .addFilterBefore(new BearerTokenFilter(tokens, users, refusals), BasicAuthenticationFilter.class)
                .addFilterBefore(accounts.loginThrottle(), BasicAuthenticationFilter.class)
                .addFilterBefore(accounts.accountState(true), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders.everywhere());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AccountFilters accounts,
                              @Value("${minqing.demo.enabled:false}") boolean demo,
                              @Value("${minqing.wechat.app-id:}") String wechatAppId,
                              ApiRefusals apiDocsRefusals) throws Exception {
        // the API's description is read by API clients: its 401 is the API's (problem+json with the Basic challenge)
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/register", "/wechat/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the API's description is open in the demo only; outside it, for signed-in people
                        .requestMatchers(API_DOCS).access(demo ? (a, context) -> new AuthorizationDecision(true)
                                : AuthenticatedAuthorizationManager.authenticated())
                        .requestMatchers(path("/camunda/**"), path("/engine-rest/**"), path("/admin/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // wrong Basic credentials on the API's description: the API's 401 too, not Spring's bare Basic one
                .httpBasic(basic -> basic.authenticationEntryPoint(pagesBasic(apiDocsRefusals)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(apiDocsRefusals, API_DOCS_JSON) // 401, not the login page
                        // inside WeChat (its browser says MicroMessenger): WeChat's web authorisation, not the password form
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/wechat/authorize"),
                                request -> !wechatAppId.isBlank()
                                        && String.valueOf(request.getHeader("User-Agent")).contains("MicroMessenger")))
                .addFilterBefore(accounts.loginThrottle(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(accounts.accountState(false), AuthorizationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .headers(SecurityHeaders.everywhere());
        return http.build();
    }

    /**
     * Spring Security's strict firewall as it comes, its character rules checked without regular expressions
     * ({@link FirewallCharacters}). WebSecurity takes the one HttpFirewall bean there is for the proxy every chain runs
     * behind (MalformedRequestTest checks it).
     */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        var firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::name);
        firewall.setAllowedHeaderValues(FirewallCharacters::headerValue);
        firewall.setAllowedParameterNames(FirewallCharacters::name);
        return firewall;
    }

    /** Requests the firewall refuses (see {@link ApiRefusals#rejected}), never Spring Boot's error body on the API. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejected(ApiRefusals refusals) {
        return (request, response, e) -> refusals.rejected(request, response);
    }

    /** The API's refusals (401/403 problem+json, a protocol's own error list on its paths): one for every chain. */
    @Bean
    ApiRefusals apiRefusals(org.springframework.context.MessageSource messages, com.fasterxml.jackson.databind.ObjectMapper json,
                            java.util.List<cn.minqing.platform.web.ProtocolRefusals> protocols) {
        return new ApiRefusals(messages, json, protocols);
    }

    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};
    /** The API's description as JSON, read by API clients: refused as the API refuses. */
    private static final RequestMatcher API_DOCS_JSON = new OrRequestMatcher(path("/v3/api-docs"), path("/v3/api-docs/**"));

    /**
     * What the pages' chain answers Basic credentials it refuses with: the API's refusal on the API's description, and
     * elsewhere what Spring Security answers by default (401 to a script's request, else the Basic challenge).
     */
    private static org.springframework.security.web.AuthenticationEntryPoint pagesBasic(ApiRefusals apiDocsRefusals) {
        var basic = new org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint();
        basic.setRealmName("Realm");
        var entryPoints = new java.util.LinkedHashMap<RequestMatcher, org.springframework.security.web.AuthenticationEntryPoint>();
        entryPoints.put(API_DOCS_JSON, apiDocsRefusals);
        entryPoints.put(new org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"),
                new org.springframework.security.web.authentication.HttpStatusEntryPoint(org.springframework.http.HttpStatus.UNAUTHORIZED));
        var delegating = new org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(basic);
        return delegating;
    }

    private static RequestMatcher get(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, pattern);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * No Micrometer observation around each of the security chain's filters, authentications and authorisations: with
     * an observation registry present (actuator) Spring Security wraps every filter of every request in two
     * observations and a metric, 3 to 4 % of the app's CPU samples under the load benchmark (issue 16) for timers nobody
     * reads. The request as a whole is still timed ({@code http.server.requests}); what the chain decides is unchanged.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** bcrypt, with a password that matched remembered for a while: HTTP Basic clients send it on every request. */
    @Bean
    PasswordEncoder passwordEncoder(java.time.Clock clock) {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);
    }
}
