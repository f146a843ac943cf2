package cn.minqing.replies;

import cn.minqing.people.Principal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** For admins (under /api/admin, admin only): the reply templates, read and replaced as a whole. */
@RestController
class ReplyTemplateAdminController {

    /** The set, with the placeholders a template may use. */
    record TemplateSet(List<ReplyTemplate> templates, List<String> placeholders) {
    }

    record NewSet(List<ReplyTemplate> templates) {
    }

    private final ReplyTemplates templates;

    ReplyTemplateAdminController(ReplyTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/admin/reply-templates")
    TemplateSet all() {
        return new TemplateSet(templates.all(), ReplyTemplates.placeholders());
    }

    @PutMapping("/api/admin/reply-templates")
    TemplateSet replace(@AuthenticationPrincipal Principal me, @RequestBody NewSet given) {
        return new TemplateSet(templates.replace(given.templates(), me.getUsername()), ReplyTemplates.placeholders());
    }
}
