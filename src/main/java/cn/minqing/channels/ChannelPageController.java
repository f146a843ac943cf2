package cn.minqing.channels;

import cn.minqing.people.Principal;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.web.FieldMessages;
import cn.minqing.platform.web.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 消息提醒: the page behind {@code /api/me/channels} — in the app, by SMS, in WeChat, and quiet hours — for a
 * villager who will never call an API. SMS needs a mobile number on the account, WeChat a binding; the page says so
 * beside the choice instead of offering what cannot work.
 */
@Controller
class ChannelPageController {

    private final ChannelSettings settings;
    private final UserAccounts accounts;
    private final WechatBindings bindings;
    private final MessageSource messages;

    ChannelPageController(ChannelSettings settings, UserAccounts accounts, WechatBindings bindings, MessageSource messages) {
        this.settings = settings;
        this.accounts = accounts;
        this.bindings = bindings;
        this.messages = messages;
    }

    @GetMapping("/account/channels")
    String page(@AuthenticationPrincipal Principal me, Model model, @RequestParam(required = false) String saved) {
        return show(me, settings.of(me.getUsername()), Map.of(), saved != null, model);
    }

    @PostMapping("/account/channels")
    String choose(@AuthenticationPrincipal Principal me, @RequestParam(defaultValue = "false") boolean inApp,
                  @RequestParam(defaultValue = "false") boolean sms, @RequestParam(defaultValue = "false") boolean wechat,
                  @RequestParam(defaultValue = "") String quietFrom, @RequestParam(defaultValue = "") String quietTo,
                  Model model, Locale locale) {
        ChannelChoice choice = new ChannelChoice(inApp, sms, wechat, new ChannelChoice.QuietHours(quietFrom, quietTo));
        try {
            settings.choose(me.getUsername(), choice);
            return "redirect:/account/channels?saved";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.put(p.field(), FieldMessages.of(messages, p, locale)));
            return show(me, choice, errors, false, model);
        }
    }

    private String show(Principal me, ChannelChoice choice, Map<String, String> errors, boolean saved, Model model) {
        model.addAttribute("choice", choice);
        model.addAttribute("hasPhone", accounts.phoneOf(me.getUsername()).isPresent());
        model.addAttribute("wechatBound", bindings.openIdOf(me.getUsername()).isPresent());
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "account/channels";
    }
}
