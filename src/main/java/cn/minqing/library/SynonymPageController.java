package cn.minqing.library;

import cn.minqing.people.Principal;
import cn.minqing.search.SynonymGroups;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's synonyms screen: each group of words that mean the same need; add, change, remove. */
@Controller
class SynonymPageController {

    private final SynonymGroups groups;
    private final AdminMessages messages;

    SynonymPageController(SynonymGroups groups, AdminMessages messages) {
        this.groups = groups;
        this.messages = messages;
    }

    @GetMapping("/admin/synonyms")
    String list(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("groups", groups.all());
        return "admin/synonyms";
    }

    @PostMapping("/admin/synonyms")
    String add(@AuthenticationPrincipal Principal me, @RequestParam(defaultValue = "") String terms, Locale locale,
               RedirectAttributes redirect) {
        return run(() -> groups.add(List.of(terms), me.getUsername()), "已添加：" + terms, locale, redirect);
    }

    @PostMapping("/admin/synonyms/{id}")
    String change(@AuthenticationPrincipal Principal me, @PathVariable int id, @RequestParam(defaultValue = "") String terms,
                  Locale locale, RedirectAttributes redirect) {
        return run(() -> groups.change(id, List.of(terms), me.getUsername()), "已修改：" + terms, locale, redirect);
    }

    @PostMapping("/admin/synonyms/{id}/remove")
    String remove(@AuthenticationPrincipal Principal me, @PathVariable int id, Locale locale, RedirectAttributes redirect) {
        return run(() -> groups.remove(id, me.getUsername()), "已删除一组同义词", locale, redirect);
    }

    private String run(Runnable change, String done, Locale locale, RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("done", done + "。检索马上按新的同义词进行。");
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("errors", messages.of(e, locale));
        }
        return "redirect:/admin/synonyms";
    }
}
