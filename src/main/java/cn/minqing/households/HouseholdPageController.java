package cn.minqing.households;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cadres' household pages (户档案): the list (by village, tag, mine) and one household with its visits and its
 * cases, for those who may see it; the page read is audited as the API's is.
 */
@Controller
class HouseholdPageController {

    private final HouseholdFiles files;
    private final HouseholdTags tags;
    private final HouseholdScope scope;

    HouseholdPageController(HouseholdFiles files, HouseholdTags tags, HouseholdScope scope) {
        this.files = files;
        this.tags = tags;
        this.scope = scope;
    }

    @GetMapping("/households")
    String list(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String village,
                @RequestParam(required = false) String tag, @RequestParam(defaultValue = "false") boolean mine,
                Model model) {
        CurrentUser user = me.user();
        if (!scope.readsHouseholds(user)) {
            throw ApiException.forbidden("household.forbidden");
        }
        String v = blank(village) ? null : village.strip();
        String t = blank(tag) ? null : tag.strip();
        List<HouseholdView> all = files.list(new HouseholdFiles.Filter(null, null, false, false), user);
        Map<String, String> villages = new TreeMap<>();
        all.forEach(h -> villages.put(h.villageCode(), h.villageName()));
        model.addAttribute("me", user);
        model.addAttribute("households", v == null && t == null && !mine ? all
                : files.list(new HouseholdFiles.Filter(v, t, mine, false), user));
        model.addAttribute("villages", villages);
        model.addAttribute("tags", tags.all());
        model.addAttribute("village", v);
        model.addAttribute("tag", t);
        model.addAttribute("mine", mine);
        return "households/list";
    }

    @GetMapping("/households/{id}")
    String page(@AuthenticationPrincipal Principal me, @PathVariable long id, Model model) {
        CurrentUser user = me.user();
        HouseholdView h = files.page(id, user);
        model.addAttribute("me", user);
        model.addAttribute("h", h);
        model.addAttribute("mayVisit", h.active() && (user.is(Role.ADMIN) || user.is(Role.CADRE) || user.is(Role.PARTY_MEMBER)));
        // the case pages are cadres', leaders' and admins' tools; a party member sees the numbers and outcomes
        model.addAttribute("caseLinks", user.is(Role.ADMIN) || user.is(Role.CADRE) || user.is(Role.LEADER));
        model.addAttribute("mayEdit", user.is(Role.ADMIN));
        return "households/page";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
