package cn.minqing.overdue;

import cn.minqing.casework.Supervision;
import cn.minqing.county.Categories;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
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

/** The overdue board page (超期督办) and its 督办 form. */
@Controller
class OverduePageController {

    private final OverdueBoard board;
    private final Supervision supervision;
    private final Categories categories;
    private final MessageSource messages;
    private final cn.minqing.county.Regions regions;

    OverduePageController(OverdueBoard board, Supervision supervision, Categories categories, MessageSource messages,
                          cn.minqing.county.Regions regions) {
        this.regions = regions;
        this.board = board;
        this.supervision = supervision;
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping("/overdue")
    String page(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String region, @RequestParam(required = false) String category,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Locale locale, Model model) {
        OverdueBoard.mayUse(me.user());
        OverdueQuery query = OverdueQuery.of(sort, region, category, from, to);
        model.addAttribute("me", me.user());
        model.addAttribute("query", query);
        model.addAttribute("rows", board.of(query, me.user(), locale));
        model.addAttribute("maySupervise", me.user().is(Role.LEADER) || me.user().is(Role.ADMIN));
        model.addAttribute("categoryName", query.category() == null ? null
                : categories.find(query.category()).map(cn.minqing.county.Category::nameZh).orElse(query.category()));
        model.addAttribute("regionName", query.region() == null ? null
                : regions.find(query.region()).map(cn.minqing.county.Region::name).orElse(query.region()));
        return "overdue";
    }

    @PostMapping("/overdue/{number}/supervise")
    String supervise(@AuthenticationPrincipal Principal me, @PathVariable String number,
                     @RequestParam(required = false) String note, @RequestParam(required = false) String back,
                     RedirectAttributes redirect, Locale locale) {
        try {
            supervision.supervise(number, note, me.user());
            redirect.addFlashAttribute("done", messages.getMessage("ui.overdue.supervised", new Object[] {number}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems().stream()
                    .map(p -> number + "：" + cn.minqing.platform.web.FieldMessages.of(messages, p, locale)).toList());
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
        }
        return "redirect:" + backTo(back);
    }

    /** Back to the board with its order and filters; only ever a path on the board itself. */
    private static String backTo(String back) {
        return back != null && back.matches("/overdue(\\?[A-Za-z0-9=&%._-]{0,300})?") ? back : "/overdue";
    }
}
