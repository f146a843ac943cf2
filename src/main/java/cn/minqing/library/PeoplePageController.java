package cn.minqing.library;

import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import cn.minqing.people.AccountAdministration;
import cn.minqing.people.PeopleSearch;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's people screen: find a person, then reset the password (a temporary one, shown once), clear
 * the sign-in throttle, switch the account on or off, change roles, organisation and village.
 */
@Controller
class PeoplePageController {

    private final PeopleSearch people;
    private final AccountAdministration administration;
    private final Organisations organisations;
    private final Regions regions;
    private final AdminMessages messages;

    PeoplePageController(PeopleSearch people, AccountAdministration administration, Organisations organisations,
                         Regions regions, AdminMessages messages) {
        this.people = people;
        this.administration = administration;
        this.organisations = organisations;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/admin/people")
    String list(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("q", q);
        model.addAttribute("people", q == null || q.isBlank() ? List.of() : people.find(q, 200));
        return "admin/people";
    }

    @GetMapping("/admin/people/{username}")
    String person(@AuthenticationPrincipal Principal me, @PathVariable String username, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("person", people.one(username).orElseThrow(() -> ApiException.notFound("account.notFound", username)));
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("inactiveOrganisations", organisations.inactiveCodes());
        model.addAttribute("villages", regions.atLevel("village"));
        return "admin/person";
    }

    @PostMapping("/admin/people/{username}/password-reset")
    String resetPassword(@AuthenticationPrincipal Principal me, @PathVariable String username, RedirectAttributes redirect) {
        AccountAdministration.Reset reset = administration.resetPassword(username, me.getUsername());
        redirect.addFlashAttribute("temporaryPassword", reset.temporaryPassword());
        return "redirect:/admin/people/" + username;
    }

    @PostMapping("/admin/people/{username}/unlock")
    String unlock(@AuthenticationPrincipal Principal me, @PathVariable String username, RedirectAttributes redirect) {
        int cleared = administration.unlock(username, me.getUsername());
        redirect.addFlashAttribute("done", cleared == 0 ? "这个账号没有登录限制。" : "已解除登录限制，现在可以登录。");
        return "redirect:/admin/people/" + username;
    }

    @PostMapping("/admin/people/{username}/access")
    String access(@AuthenticationPrincipal Principal me, @PathVariable String username,
                  @RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String organisationCode,
                  @RequestParam(defaultValue = "") String villageCode, Locale locale, RedirectAttributes redirect) {
        try {
            administration.change(username, new AccountAdministration.Change(roles == null ? List.of() : roles,
                    organisationCode, villageCode, null), me.getUsername());
            redirect.addFlashAttribute("done", "已保存。这个账号需要重新登录。");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("errors", messages.of(e, locale));
        }
        return "redirect:/admin/people/" + username;
    }
}
