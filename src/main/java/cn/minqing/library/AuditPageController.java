package cn.minqing.library;

import cn.minqing.people.Principal;
import cn.minqing.platform.audit.AuditEntries;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's audit log screen: who changed what, filtered by person, action, target and period, 50 a page. */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditEntries entries;
    private final AdminMessages messages;

    AuditPageController(AuditEntries entries, AdminMessages messages) {
        this.entries = entries;
        this.messages = messages;
    }

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("f", new AuditEntries.Filter(actor, action, target, from, to));
        model.addAttribute("actions", entries.actions());
        int p = Math.max(0, page);
        if (from != null && to != null && from.isAfter(to)) {
            model.addAttribute("errors", java.util.List.of(messages.text("audit.period.invalid", locale)));
            from = null;
            to = null;
        }
        AuditEntries.Page result = entries.find(new AuditEntries.Filter(actor, action, target, from, to), p, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "admin/audit";
    }
}
