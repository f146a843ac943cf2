package cn.minqing.intake;

import cn.minqing.attachments.PendingUploads;
import cn.minqing.county.Categories;
import cn.minqing.county.Regions;
import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone page to report a problem: category, words, up to nine photos, videos or voice notes, the village.
 * A refused form comes back with everything it had: the fields, and the files, kept on the server for this form
 * ({@link PendingUploads}); the form's token doubles as the filing's idempotency key, so a double tap files once.
 */
@Controller
class ReportPageController {

    private final CaseFiling filing;
    private final PendingUploads pending;
    private final Categories categories;
    private final Regions regions;
    private final MessageSource messages;
    private final Supporters supporters;
    private final SimilarOnReport similar;

    ReportPageController(CaseFiling filing, PendingUploads pending, Categories categories, Regions regions,
                         MessageSource messages, Supporters supporters, SimilarOnReport similar) {
        this.filing = filing;
        this.pending = pending;
        this.categories = categories;
        this.regions = regions;
        this.messages = messages;
        this.supporters = supporters;
        this.similar = similar;
    }

    @GetMapping("/report")
    String form(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String category,
                @RequestParam(required = false) String villageCode, @RequestParam(required = false) String title,
                @RequestParam(required = false) String description, Model model) {
        String village = villageCode != null ? villageCode : me.user().villageCode();
        CaseReport report = new CaseReport(title, description, category, village, null, null, null, null, null);
        if (title != null || description != null || category != null) {
            model.addAttribute("similar", similar.to(report, village, me.user()));
        }
        return show(me, report, newToken(), model);
    }

    /** Files the report with its files, or shows the form again with all of it and every problem named. */
    @PostMapping("/report")
    String submit(@AuthenticationPrincipal Principal me, CaseReport report,
                  @RequestParam(required = false) String formToken,
                  @RequestParam(name = "keep", required = false) List<Long> keep,
                  @RequestParam(name = "file", required = false) List<MultipartFile> files,
                  @RequestParam(required = false) String action, Model model, Locale locale) throws IOException {
        String token = formToken != null && formToken.matches("[0-9a-f-]{36}") ? formToken : newToken();
        List<FieldProblem> problems = new ArrayList<>(pending.receive(token, keep == null ? List.of() : keep,
                uploads(files), me.user()));
        if ("check".equals(action)) { // 先看看有没有人反映过: the files are kept, nothing is filed
            model.addAttribute("similar", similar.to(report, report.villageCode(), me.user()));
            return show(me, report, token, model);
        }
        problems.addAll(filing.problems(report, me.user()));
        if (problems.isEmpty()) {
            try {
                String number = filing.file(report, me.user(), "report-form:" + token, filed -> {
                    if (!filed.replayed()) {
                        pending.attach(token, filed.number(), me.user());
                    }
                }).number();
                return "redirect:/workbench/cases/" + number + "?filed";
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (ApiException e) {
                model.addAttribute("errors", List.of(messages.getMessage(
                        "case.idempotency.mismatch".equals(e.messageKey()) ? "report.sentBefore" : e.messageKey(),
                        e.args(), locale)));
                return show(me, report, "case.idempotency.mismatch".equals(e.messageKey()) ? newToken() : token, model);
            }
        }
        Map<String, String> byField = new LinkedHashMap<>();
        problems.forEach(p -> byField.merge(p.field(), messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale),
                (a, b) -> a + " " + b));
        model.addAttribute("errors", List.copyOf(byField.values()));
        model.addAttribute("fieldErrors", byField);
        return show(me, report, token, model);
    }

    private String show(Principal me, CaseReport report, String token, Model model) {
        var all = categories.all();
        model.addAttribute("me", me.user());
        model.addAttribute("report", report);
        model.addAttribute("formToken", token);
        model.addAttribute("pending", pending.of(token, me.user()));
        model.addAttribute("maxFiles", PendingUploads.MAX_FILES);
        model.addAttribute("categories", all);
        model.addAttribute("icons", CategoryIcons.of(all));
        model.addAttribute("villages", regions.atLevel("village"));
        return "report";
    }

    private static List<PendingUploads.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<PendingUploads.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f != null && !f.isEmpty()) {
                uploads.add(new PendingUploads.Upload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        return uploads;
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    /** 附议 from the report page: "me too" instead of a duplicate report. */
    @PostMapping("/report/support/{number}")
    String support(@AuthenticationPrincipal Principal me, @PathVariable String number, RedirectAttributes redirect,
                   Locale locale) {
        supporters.support(number, me.user());
        redirect.addFlashAttribute("supported", messages.getMessage("ui.supported", null, locale));
        return "redirect:/my";
    }
}
