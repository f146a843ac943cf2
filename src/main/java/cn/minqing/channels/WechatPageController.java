package cn.minqing.channels;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Minqing opened inside WeChat (公众号 menu, a shared link): WeChat's web authorisation (snsapi_base) instead of a
 * password. /wechat/authorize sends the phone to WeChat, which sends it back to /wechat/callback with a code; a bound
 * WeChat is signed in and taken to the page it asked for, an unbound one binds on /wechat/bind with an SMS code.
 */
@Controller
class WechatPageController {

    private static final String STATE = "wechat.state";
    private static final String OPEN_ID = "wechat.openid";

    private final WechatSignIn signIn;
    private final String openBase;
    private final HttpSessionRequestCache saved = new HttpSessionRequestCache();

    WechatPageController(WechatSignIn signIn, @Value("${minqing.wechat.open-base:https://open.weixin.qq.com}") String openBase) {
        this.signIn = signIn;
        this.openBase = openBase.replaceAll("/+$", "");
    }

    @GetMapping("/wechat/authorize")
    String authorize(HttpSession session) {
        if (!signIn.configured()) {
            return "redirect:/login";
        }
        String state = UUID.randomUUID().toString().replace("-", "");
        session.setAttribute(STATE, state);
        String back = ServletUriComponentsBuilder.fromCurrentContextPath().path("/wechat/callback").toUriString();
        return "redirect:" + openBase + "/connect/oauth2/authorize?appid=" + enc(signIn.appId()) + "&redirect_uri="
                + enc(back) + "&response_type=code&scope=snsapi_base&state=" + state + "#wechat_redirect";
    }

    @GetMapping("/wechat/callback")
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                    HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession();
        Object expected = session.getAttribute(STATE);
        session.removeAttribute(STATE);
        Optional<String> openId = code == null || expected == null || !expected.equals(state) ? Optional.empty()
                : signIn.openIdFor(code);
        if (openId.isEmpty()) {
            return "redirect:/login?wechat=failed";
        }
        Optional<String> account = signIn.boundAccount(openId.get());
        if (account.isEmpty()) {
            session.setAttribute(OPEN_ID, openId.get());
            return "redirect:/wechat/bind";
        }
        return signedIn(account.get(), request, response);
    }

    @GetMapping("/wechat/bind")
    String bindPage(HttpSession session, Model model) {
        if (session.getAttribute(OPEN_ID) == null) {
            return "redirect:/wechat/authorize";
        }
        model.addAttribute("step", "phone");
        return "wechat/bind";
    }

    @PostMapping("/wechat/bind/code")
    String sendCode(@RequestParam(required = false) String phone, HttpSession session, Model model) {
        if (session.getAttribute(OPEN_ID) == null) {
            return "redirect:/wechat/authorize";
        }
        if (phone == null || !phone.strip().matches("1\\d{10}")) {
            model.addAttribute("step", "phone");
            model.addAttribute("error", "ui.wechat.phoneInvalid");
            return "wechat/bind";
        }
        signIn.sendCode(phone);
        model.addAttribute("step", "code");
        model.addAttribute("phone", phone.strip());
        return "wechat/bind";
    }

    @PostMapping("/wechat/bind")
    String bind(@RequestParam(required = false) String phone, @RequestParam(required = false) String code,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Object openId = request.getSession().getAttribute(OPEN_ID);
        if (openId == null) {
            return "redirect:/wechat/authorize";
        }
        Optional<String> account = signIn.bind(openId.toString(), phone, code);
        if (account.isEmpty()) {
            model.addAttribute("step", "code");
            model.addAttribute("phone", phone);
            model.addAttribute("error", "ui.wechat.codeWrong");
            return "wechat/bind";
        }
        request.getSession().removeAttribute(OPEN_ID);
        return signedIn(account.get(), request, response);
    }

    /** Signed in: to the page that sent the phone here, else home. */
    private String signedIn(String username, HttpServletRequest request, HttpServletResponse response) {
        SavedRequest before = saved.getRequest(request, response);
        signIn.signIn(username, request, response);
        saved.removeRequest(request, response);
        return "redirect:" + (before != null ? before.getRedirectUrl() : "/");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
