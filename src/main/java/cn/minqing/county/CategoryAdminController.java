package cn.minqing.county;

import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Categories with their icons, keywords and questions, for admins (/api/admin/** is admin-only). */
@RestController
class CategoryAdminController {

    private final CategoryAdministration categories;

    CategoryAdminController(CategoryAdministration categories) {
        this.categories = categories;
    }

    @GetMapping("/api/admin/categories")
    List<CategoryDetails> all() {
        return categories.all();
    }

    @GetMapping("/api/admin/categories/{code}")
    CategoryDetails one(@PathVariable String code) {
        return categories.find(code).orElseThrow(() -> ApiException.notFound("category.notFound", code));
    }

    /** Adds or changes a category; {@code questions} replaces the list (add, edit, reorder, remove in one go). */
    @PutMapping("/api/admin/categories/{code}")
    CategoryDetails save(@AuthenticationPrincipal Principal me, @PathVariable String code,
                         @RequestBody CategoryDetails.Edit edit) {
        return categories.save(code, edit, me.getUsername());
    }
}
