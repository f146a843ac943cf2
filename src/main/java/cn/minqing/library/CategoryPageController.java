package cn.minqing.library;

import cn.minqing.county.CategoryAdministration;
import cn.minqing.county.CategoryDetails;
import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
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

/** The admin's categories screen: the list, and one category's names, icon, keywords, order and questions. */
@Controller
class CategoryPageController {

    private final CategoryAdministration categories;
    private final AdminMessages messages;

    CategoryPageController(CategoryAdministration categories, AdminMessages messages) {
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping("/admin/categories")
    String list(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("categories", categories.all());
        return "admin/categories";
    }

    @GetMapping("/admin/categories/{code}")
    String edit(@AuthenticationPrincipal Principal me, @PathVariable String code, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("icons", cn.minqing.intake.CategoryIcons.DRAWINGS);
        if (!model.containsAttribute("category")) {
            model.addAttribute("category", code.equals("new")
                    ? new CategoryDetails("", "", "", "minsheng", "other", "", 0, true, List.of())
                    : categories.find(code).orElseThrow(() -> ApiException.notFound("category.notFound", code)));
        }
        model.addAttribute("isNew", code.equals("new"));
        return "admin/category";
    }

    @PostMapping("/admin/categories/{code}")
    String save(@AuthenticationPrincipal Principal me, @PathVariable String code, @RequestParam(required = false) String newCode,
                @RequestParam String nameZh, @RequestParam(defaultValue = "") String nameEn, @RequestParam String domain,
                @RequestParam String icon, @RequestParam(defaultValue = "") String keywords,
                @RequestParam(required = false) Integer sort, @RequestParam(required = false) List<String> questions,
                Locale locale, RedirectAttributes redirect) {
        String target = code.equals("new") ? String.valueOf(newCode).strip() : code;
        List<String> asked = questions == null ? List.of() : questions;
        CategoryDetails.Edit edit = new CategoryDetails.Edit(nameZh, nameEn, domain, icon, keywords, sort, null, asked);
        try {
            CategoryDetails saved = categories.save(target, edit, me.getUsername());
            redirect.addFlashAttribute("done", "已保存：" + saved.nameZh());
            return "redirect:/admin/categories/" + saved.code();
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("errors", messages.of(e, locale));
            redirect.addFlashAttribute("category", new CategoryDetails(code.equals("new") ? target : code, nameZh, nameEn,
                    domain, icon, keywords, sort == null ? 0 : sort, true, asked));
            return "redirect:/admin/categories/" + code;
        }
    }
}
