package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing in inside WeChat: the openid from WeChat's web authorisation signs in the account it is bound to; an
 * unbound openid is bound once the person confirms their account's mobile number with a code sent by SMS.
 */
@Service
class WechatSignIn {

    private final ChannelGateways gateways;
    private final WechatBindings bindings;
    private final PhoneCodes codes;
    private final MessageTemplates templates;
    private final UserAccounts accounts;
    private final UserDetailsService users;
    private final ChannelChoices choices;
    private final AuditLog audit;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    WechatSignIn(ChannelGateways gateways, WechatBindings bindings, PhoneCodes codes, MessageTemplates templates,
                 UserAccounts accounts, UserDetailsService users, ChannelChoices choices, AuditLog audit) {
        this.gateways = gateways;
        this.bindings = bindings;
        this.codes = codes;
        this.templates = templates;
        this.accounts = accounts;
        this.users = users;
        this.choices = choices;
        this.audit = audit;
    }

    boolean configured() {
        return gateways.wechatConfigured();
    }

    String appId() {
        return gateways.wechat().map(WechatApi::appId).orElseThrow();
    }

    Optional<String> openIdFor(String code) {
        return gateways.wechat().flatMap(w -> w.openIdFor(code));
    }

    Optional<String> boundAccount(String openId) {
        return bindings.usernameOf(openId).filter(u -> accounts.find(u).map(UserAccounts.Account::enabled).orElse(false));
    }

    /**
     * Sends a code to the number if it is a villager's account (the same answer either way, so nobody learns which
     * numbers have accounts). Sent at once, outside quiet hours and the outbox: the person is waiting for it.
     */
    @Transactional
    void sendCode(String phone) {
        String digits = phone == null ? "" : phone.strip();
        Optional<String> username = digits.matches("1\\d{10}") ? Optional.of(accounts.signInName(digits))
                .filter(u -> accounts.phoneOf(u).filter(digits::equals).isPresent()) : Optional.empty();
        if (username.isEmpty() || gateways.sms().isEmpty()) {
            return;
        }
        String code = codes.issue(username.get());
        if (code != null) {
            templates.code(code).ifPresent(t -> gateways.sms().get()
                    .send(new Outgoing(UUID.randomUUID(), digits, t.smsCode(), t.params(), t.text())));
        }
    }

    /** Binds the openid to the account of the number when the code is right; the account, or empty. */
    @Transactional
    Optional<String> bind(String openId, String phone, String code) {
        String digits = phone == null ? "" : phone.strip();
        Optional<String> username = digits.matches("1\\d{10}") ? Optional.of(accounts.signInName(digits))
                .filter(u -> accounts.phoneOf(u).filter(digits::equals).isPresent()) : Optional.empty();
        if (username.isEmpty() || !codes.confirm(username.get(), code)) {
            return Optional.empty();
        }
        bindings.bind(openId, username.get(), CaseClock.now());
        choices.save(username.get(), new ChannelChoice(null, null, true, null));
        audit.record(username.get(), "wechat.bound", username.get(), null);
        return username;
    }

    /** Signs the person in for this browser session, as the sign-in form would (a new session id). */
    void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails details = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
        audit.record(username, "wechat.signed-in", username, null);
    }
}
