package cn.minqing.intake;

import cn.minqing.attachments.Attachments;
import cn.minqing.county.Categories;
import cn.minqing.county.Regions;
import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The phone page to report a problem: category, words, a photo, video or voice note, the village. */
@Controller
class ReportPageController {

    private final CaseFiling filing;
    private final Attachments attachments;
    private final Categories categories;
    private final Regions regions;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final Supporters supporters;
    private final OpenCases openCases;
    private final cn.minqing.search.SimilarCases similarCases;

    ReportPageController(CaseFiling filing, Attachments attachments, Categories categories, Regions regions,
                         TransactionTemplate tx, MessageSource messages, Supporters supporters, OpenCases openCases,
                         cn.minqing.search.SimilarCases similarCases) {
        this.openCases = openCases;
        this.similarCases = similarCases;
        this.supporters = supporters;
        this.filing = filing;
        this.attachments = attachments;
        this.categories = categories;
        this.regions = regions;
        this.tx = tx;
        this.messages = messages;
    }

    @GetMapping("/report")
    String form(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String category,
                @RequestParam(required = false) String villageCode, @RequestParam(required = false) String title,
                @RequestParam(required = false) String description, Model model) {
        String village = villageCode != null ? villageCode : me.user().villageCode();
        String words = ((title == null ? "" : title) + " " + (description == null ? "" : description)).strip();
        if (!words.isEmpty() && village != null) {
            model.addAttribute("similar", similarByWords(words, village, me));
            model.addAttribute("report", new CaseReport(title, description, category, village, null, null, null, null, null));
        } else if (category != null && village != null) {
            model.addAttribute("similar", openIn(village, category, me));
            model.addAttribute("report", new CaseReport(null, null, category, village, null, null, null, null, null));
        }
        model.addAttribute("me", me.user());
        model.addAttribute("categories", categories.all());
        model.addAttribute("villages", regions.atLevel("village"));
        return "report";
    }

    /** The report and its file are stored together or not at all. */
    @PostMapping("/report")
    String submit(@AuthenticationPrincipal Principal me, CaseReport report,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale)
            throws IOException {
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        try {
            String number = tx.execute(status -> {
                String n = filing.file(report, me.user(), null).number();
                if (bytes != null) {
                    attachments.add(n, file.getOriginalFilename(), bytes, me.user());
                }
                return n;
            });
            return "redirect:/workbench/cases/" + number + "?filed";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).toList());
        } catch (ApiException e) {
            model.addAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
        }
        model.addAttribute("report", report);
        return form(me, null, null, null, null, model);
    }

    /** Open cases nearby that read like this report; the page still works when search is down. */
    private List<?> similarByWords(String words, String village, Principal me) {
        try {
            return similarCases.find(words, village, 3, 5, me.user()).stream()
                    .filter(cn.minqing.search.SimilarCases.Match::isOpen).toList();
        } catch (ApiException e) {
            return List.of(); // not a village this person may look at
        } catch (Exception e) {
            return openIn(village, null, me);
        }
    }

    /** The village's open cases, if this person may look at that village; nothing otherwise. */
    private List<?> openIn(String village, String category, Principal me) {
        try {
            return openCases.in(village, category, 5, me.user());
        } catch (ApiException e) {
            return List.of();
        }
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
