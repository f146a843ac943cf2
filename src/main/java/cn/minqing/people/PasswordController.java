package cn.minqing.people;

import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

/** Changing one's own password: the API, and the page every signed-in person reaches from the header. */
@Controller
class PasswordController {

    private final Passwords passwords;
    private final UserDetailsService users;
    private final MessageSource messages;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordController(Passwords passwords, UserDetailsService users, MessageSource messages) {
        this.passwords = passwords;
        this.users = users;
        this.messages = messages;
    }

    @PostMapping("/api/me/password")
    @ResponseBody
    Map<String, Boolean> api(@AuthenticationPrincipal Principal me, @RequestBody Passwords.Change change) {
        passwords.change(me.getUsername(), change);
        return Map.of("changed", true);
    }

    @GetMapping(AccountStateFilter.PASSWORD_PAGE)
    String page(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("mustChange", me.mustChangePassword());
        return "account/password";
    }

    @PostMapping(AccountStateFilter.PASSWORD_PAGE)
    String submit(@AuthenticationPrincipal Principal me, Passwords.Change change, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            passwords.change(me.getUsername(), change);
            keepThisSession(me.getUsername(), request, response);
            return "redirect:" + AccountStateFilter.PASSWORD_PAGE + "?changed";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), locale)).toList());
        } catch (ApiException e) {
            model.addAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
        }
        return page(me, model);
    }

    /** The change ended every session of the account; this one goes on, with the account's new stamp. */
    private void keepThisSession(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails fresh = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
