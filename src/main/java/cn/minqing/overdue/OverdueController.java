package cn.minqing.overdue;

import cn.minqing.casework.Supervision;
import cn.minqing.people.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The overdue board over HTTP, and 督办 on a case. */
@RestController
class OverdueController {

    private final OverdueBoard board;
    private final Supervision supervision;

    OverdueController(OverdueBoard board, Supervision supervision) {
        this.board = board;
        this.supervision = supervision;
    }

    /** Every overdue open case in the caller's scope; {@code daysOverdue} counts calendar days. */
    @GetMapping("/api/overdue")
    Map<String, Object> overdue(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String sort,
                                @RequestParam(required = false) String region,
                                @RequestParam(required = false) String category,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                Locale locale) {
        OverdueBoard.mayUse(me.user());
        OverdueQuery query = OverdueQuery.of(sort, region, category, from, to);
        List<OverdueCase> rows = board.of(query, me.user(), locale);
        return Map.of("total", rows.size(), "sort", query.sort(), "daysCounted", "calendar", "rows", rows);
    }

    record SuperviseRequest(String note) {
    }

    /** 督办: leaders and admins; answers the case's supervision count after it. */
    @PostMapping("/api/cases/{number}/supervise")
    Map<String, Object> supervise(@AuthenticationPrincipal Principal me, @PathVariable String number,
                                  @RequestBody(required = false) SuperviseRequest body) {
        int count = supervision.supervise(number, body == null ? null : body.note(), me.user());
        return Map.of("case", number, "result", "supervised", "supervisions", count);
    }
}
