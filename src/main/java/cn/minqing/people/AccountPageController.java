package cn.minqing.people;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的: one's own name, mobile number and village, with 修改密码, 退出 and the 长辈模式 (large text) switch. */
@Controller
class AccountPageController {

    private final UserAccounts accounts;
    private final Regions regions;

    AccountPageController(UserAccounts accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    @GetMapping("/account")
    String page(@AuthenticationPrincipal Principal me, Model model) {
        CurrentUser user = me.user();
        model.addAttribute("me", user);
        model.addAttribute("phone", accounts.phoneOf(user.username()).orElse(null));
        model.addAttribute("village", user.villageCode() == null ? null
                : regions.find(user.villageCode()).map(Region::name).orElse(null));
        return "account/me";
    }
}
