package cn.minqing.platform.audit;

import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins (/api/admin/** is admin-only), newest first, paged. */
@RestController
class AuditLogController {

    private final AuditEntries entries;

    AuditLogController(AuditEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/api/admin/audit")
    AuditEntries.Page find(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                           @RequestParam(required = false) String target,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return entries.find(checked(actor, action, target, from, to, page, size), page, size);
    }

    /** The filter, or a 400 naming every wrong parameter. */
    static AuditEntries.Filter checked(String actor, String action, String target, LocalDate from, LocalDate to,
                                       int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0 || page > 100_000) {
            problems.add(new FieldProblem("page", "audit.page.invalid"));
        }
        if (size < 1 || size > AuditEntries.MAX_SIZE) {
            problems.add(new FieldProblem("size", "audit.size.invalid", AuditEntries.MAX_SIZE));
        }
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new FieldProblem("from", "audit.period.invalid"));
        }
        for (String[] field : new String[][] {{"actor", actor}, {"action", action}, {"target", target}}) {
            if (field[1] != null && field[1].length() > 80) {
                problems.add(new FieldProblem(field[0], "audit.filter.tooLong", 80));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AuditEntries.Filter(actor, action, target, from, to);
    }
}
