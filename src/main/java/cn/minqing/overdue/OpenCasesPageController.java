package cn.minqing.overdue;

import cn.minqing.cases.CaseStatus;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
import cn.minqing.platform.web.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 在办件: every open case of a township (or whatever the viewer's scope is) across its organisations — village,
 * handling organisation, stage, holder by name and the deadline in words — sortable and filterable by village
 * and status. The rows are the overdue board's, without the "past its deadline" condition.
 */
@Controller
class OpenCasesPageController {

    private final OverdueBoard board;
    private final Regions regions;

    OpenCasesPageController(OverdueBoard board, Regions regions) {
        this.board = board;
        this.regions = regions;
    }

    @GetMapping("/workbench/open")
    String page(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String village, @RequestParam(required = false) String status,
                Locale locale, Model model) {
        OverdueBoard.mayUse(me.user());
        String wanted = status == null || status.isBlank() ? null : status.strip();
        if (wanted != null && openStatuses().stream().noneMatch(s -> s.code().equals(wanted))) {
            throw new InvalidInputException("status", "open.status.unknown");
        }
        OverdueQuery query = OverdueQuery.of(sort, village, null, null, null);
        String scope = me.user().is(Role.ADMIN) ? "" : me.user().scopeRegion();
        model.addAttribute("me", me.user());
        model.addAttribute("query", query);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", openStatuses());
        model.addAttribute("villages", regions.allWithin(scope).stream().filter(r -> r.level().equals("village")).toList());
        model.addAttribute("rows", board.open(query, wanted, me.user(), locale));
        return "workbench/open-cases";
    }

    private static List<CaseStatus> openStatuses() {
        return Arrays.stream(CaseStatus.values()).filter(s -> !s.isFinal()).toList();
    }

}
