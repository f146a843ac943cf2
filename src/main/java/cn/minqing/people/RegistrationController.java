package cn.minqing.people;

import cn.minqing.county.Regions;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Sign-up for villagers: the phone page and the API. */
@Controller
class RegistrationController {

    private final Registration registration;
    private final Regions regions;
    private final MessageSource messages;

    RegistrationController(Registration registration, Regions regions, MessageSource messages) {
        this.registration = registration;
        this.regions = regions;
        this.messages = messages;
    }

    @PostMapping("/api/register")
    @ResponseStatus(HttpStatus.CREATED)
    @ResponseBody
    Map<String, String> api(@RequestBody Registration.Form form) {
        return Map.of("username", registration.register(form));
    }

    /** 代办开户: a cadre creates the account of a villager in their region. */
    @PostMapping("/api/people/villagers")
    @ResponseStatus(HttpStatus.CREATED)
    @ResponseBody
    Map<String, String> forVillager(@org.springframework.security.core.annotation.AuthenticationPrincipal Principal me,
                                    @RequestBody Registration.Form form) {
        return Map.of("username", registration.registerFor(form, me.user()));
    }

    @GetMapping("/register")
    String page(Model model) {
        model.addAttribute("villages", regions.atLevel("village"));
        return "register";
    }

    @PostMapping("/register")
    String submit(Registration.Form form, Model model, Locale locale) {
        try {
            registration.register(form);
            return "redirect:/login?registered";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), locale)).toList());
        } catch (ApiException e) {
            model.addAttribute("errors", java.util.List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
        }
        model.addAttribute("form", form);
        return page(model);
    }
}
