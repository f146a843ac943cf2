package cn.minqing.households;

import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's household screen: correct the file, merge a duplicate into it, deactivate or activate it. */
@Controller
class HouseholdAdminPageController {

    private final Households households;
    private final HouseholdTags tags;
    private final HouseholdEditing editing;
    private final HouseholdFiles files;
    private final MessageSource messages;

    HouseholdAdminPageController(Households households, HouseholdTags tags, HouseholdEditing editing,
                                 HouseholdFiles files, MessageSource messages) {
        this.households = households;
        this.tags = tags;
        this.editing = editing;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/admin/households/{id}")
    String form(@AuthenticationPrincipal Principal me, @PathVariable long id, Model model) {
        Household h = households.find(id).orElseThrow(() -> ApiException.notFound("household.notFound", id));
        model.addAttribute("me", me.user());
        model.addAttribute("h", h);
        model.addAttribute("tags", tags.all());
        model.addAttribute("mergedInto", households.mergedInto(id).orElse(null));
        return "admin/household";
    }

    @PostMapping("/admin/households/{id}")
    String edit(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestParam String villageCode,
                @RequestParam(required = false) String gridCode, @RequestParam String address,
                @RequestParam String headName, @RequestParam(required = false) String headAccount,
                @RequestParam(required = false) String members, @RequestParam(required = false) List<String> tags,
                @RequestParam(required = false) String phone, @RequestParam(required = false) String lat,
                @RequestParam(required = false) String lon, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, "ui.households.admin.saved", () -> editing.edit(id, new HouseholdEdit(villageCode,
                gridCode, address, headName, headAccount, number(members, "members"), tags, phone, decimal(lat, "lat"),
                decimal(lon, "lon")), me.user()));
    }

    @PostMapping("/admin/households/{id}/merge")
    String merge(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestParam String duplicate,
                 Locale locale, RedirectAttributes redirect) {
        try {
            HouseholdEditing.Merged m = editing.merge(id, duplicate, me.user());
            redirect.addFlashAttribute("done", messages.getMessage("ui.households.admin.merged",
                    new Object[] {m.visitsMoved(), m.casesMoved()}, locale));
        } catch (InvalidInputException | ApiException e) {
            redirect.addFlashAttribute("errors", words(e, locale));
        }
        return "redirect:/admin/households/" + id;
    }

    @PostMapping("/admin/households/{id}/active")
    String active(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestParam boolean active,
                  Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, active ? "ui.households.admin.activated" : "ui.households.admin.deactivated",
                () -> files.setActive(id, active, me.user()));
    }

    private String act(long id, Locale locale, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", messages.getMessage(done, null, locale));
        } catch (InvalidInputException | ApiException e) {
            redirect.addFlashAttribute("errors", words(e, locale));
        }
        return "redirect:/admin/households/" + id;
    }

    private List<String> words(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).toList();
        }
        ApiException api = (ApiException) e;
        return List.of(messages.getMessage(api.messageKey(), api.args(), api.messageKey(), locale));
    }

    private static Integer number(String s, String field) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "household.members.range");
        }
    }

    private static Double decimal(String s, String field) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field.equals("lat") ? "case.lat.range" : "case.lon.range");
        }
    }
}
