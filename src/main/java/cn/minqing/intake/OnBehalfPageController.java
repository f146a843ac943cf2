package cn.minqing.intake;

import cn.minqing.attachments.Attachments;
import cn.minqing.county.Categories;
import cn.minqing.people.Principal;
import cn.minqing.people.Registration;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldMessages;
import cn.minqing.platform.web.InvalidInputException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 代村民反映 and 代开户 for grid members and village cadres: file a report for a villager of their region who cannot
 * (the API's {@code onBehalfOf}), or first open the villager's account. Villagers, villages and categories are
 * picked by name; the scope is the API's ({@link OnBehalf}, {@link Registration#registerFor}); a refused form comes
 * back with every wrong field named in Chinese and everything typed still in place.
 */
@Controller
class OnBehalfPageController {

    private final CaseFiling filing;
    private final Attachments attachments;
    private final Registration registration;
    private final Categories categories;
    private final VillagePicker picker;
    private final MessageSource messages;

    OnBehalfPageController(CaseFiling filing, Attachments attachments, Registration registration, Categories categories,
                           VillagePicker picker, MessageSource messages) {
        this.filing = filing;
        this.attachments = attachments;
        this.registration = registration;
        this.categories = categories;
        this.picker = picker;
        this.messages = messages;
    }

    @GetMapping("/workbench/on-behalf")
    String form(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String villager, Model model) {
        mayFileForOthers(me);
        List<VillagePicker.Township> townships = picker.villagesOf(me.user());
        model.addAttribute("me", me.user());
        model.addAttribute("townships", townships);
        model.addAttribute("villagers", picker.villagersOf(townships));
        model.addAttribute("categories", categories.all());
        model.addAttribute("icons", CategoryIcons.of(categories.all()));
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", new CaseReport(null, null, null, null, null, null, null, null, villager));
        }
        if (!model.containsAttribute("account")) {
            model.addAttribute("account", new Registration.Form(null, null, null, null));
        }
        return "workbench/on-behalf";
    }

    /** The report and its photo are stored together or not at all. */
    @PostMapping("/workbench/on-behalf")
    String file(@AuthenticationPrincipal Principal me, CaseReport report,
                @RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        mayFileForOthers(me);
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        CaseReport sent = blankToNull(report);
        try {
            requireVillager(sent);
            String number = filing.file(sent, me.user(), null, filed -> {
                if (bytes != null) {
                    attachments.add(filed.number(), file.getOriginalFilename(), bytes, me.user());
                }
            }).number();
            return "redirect:/workbench/cases/" + number + "?filed";
        } catch (InvalidInputException | ApiException e) {
            model.addAttribute("errors", errors(e, locale));
            model.addAttribute("report", report);
            return form(me, null, model);
        }
    }

    /** 代开户: the account is opened and chosen on the report form straight away. */
    @PostMapping("/workbench/on-behalf/villager")
    String openAccount(@AuthenticationPrincipal Principal me, Registration.Form account, Model model,
                       RedirectAttributes redirect, Locale locale) {
        mayFileForOthers(me);
        try {
            String username = registration.registerFor(account, me.user());
            redirect.addFlashAttribute("done", messages.getMessage("ui.onBehalf.accountOpened",
                    new Object[] {account.displayName().strip()}, locale));
            redirect.addAttribute("villager", username);
            return "redirect:/workbench/on-behalf";
        } catch (InvalidInputException | ApiException e) {
            model.addAttribute("accountErrors", errors(e, locale));
            model.addAttribute("account", new Registration.Form(account.phone(), null, account.displayName(), account.villageCode()));
            return form(me, null, model);
        }
    }

    private List<String> errors(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> FieldMessages.of(messages, p, locale)).toList();
        }
        ApiException refused = (ApiException) e;
        return List.of(messages.getMessage(refused.messageKey(), refused.args(), refused.messageKey(), locale));
    }

    private static void mayFileForOthers(Principal me) {
        if (!me.user().is(Role.CADRE) && !me.user().is(Role.ADMIN)) {
            throw ApiException.forbidden("case.onBehalf.notCadre");
        }
    }

    /** On this page the report is always for someone else: no villager chosen is a wrong field, named with the others. */
    private static void requireVillager(CaseReport r) {
        if (r.onBehalfOf() != null) {
            return;
        }
        List<cn.minqing.platform.web.FieldProblem> problems = new java.util.ArrayList<>();
        problems.add(new cn.minqing.platform.web.FieldProblem("onBehalfOf", "case.onBehalf.required"));
        if (r.category() == null) {
            problems.add(new cn.minqing.platform.web.FieldProblem("category", "case.category.required"));
        }
        if (r.title() == null || r.title().isBlank()) {
            problems.add(new cn.minqing.platform.web.FieldProblem("title", "case.title.required"));
        }
        if (r.description() == null || r.description().isBlank()) {
            problems.add(new cn.minqing.platform.web.FieldProblem("description", "case.description.required"));
        }
        throw new InvalidInputException(problems);
    }

    /** An empty select or field means "not given". */
    private static CaseReport blankToNull(CaseReport r) {
        return new CaseReport(r.title(), r.description(), blank(r.category()), blank(r.villageCode()), r.lat(), r.lon(),
                blank(r.address()), r.anonymous(), blank(r.onBehalfOf()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
