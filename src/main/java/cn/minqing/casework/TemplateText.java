package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.InvalidInputException;
import cn.minqing.replies.ReplyTemplates;
import org.springframework.stereotype.Component;

/**
 * A stage form that names a reply template (答复模板) instead of free text: the template, filled in for the case and
 * escaped, becomes the text that stage reads — a direct answer's {@code reply}, a rejection's {@code reason}, an
 * implementation's {@code report}, a verification's {@code note} … Free text and a template together are refused.
 */
@Component
class TemplateText {

    private final ReplyTemplates templates;

    TemplateText(ReplyTemplates templates) {
        this.templates = templates;
    }

    CompletionForm apply(Stage stage, CompletionForm form, CaseRecord c, CurrentUser user) {
        if (form.template() == null || form.template().isBlank()) {
            return form;
        }
        String field = fieldOf(stage, form);
        if (field == null) {
            throw new InvalidInputException("template", "replies.template.notHere");
        }
        String typed = form.text(field);
        if (typed != null && !typed.isBlank()) {
            throw new InvalidInputException("template", "replies.template.orText");
        }
        return form.withText(field, templates.fill(form.template(), form.values(), c, user, stage.code()));
    }

    /** The free-text field a stage's template fills; null for the villagers' ratings. */
    private static String fieldOf(Stage stage, CompletionForm form) {
        return switch (stage) {
            case ACCEPT -> "answer".equals(form.outcome()) ? "reply" : "reason";
            case SIGN -> "reason";
            case INVESTIGATE -> "findings";
            case DESIGN -> "plan";
            case IMPLEMENT, CO_HANDLE -> "report";
            case DISPATCH, APPROVE, VERIFY, SUPERVISE, APPROVE_EXTENSION, APPROVE_SUSPENSION, COSIGN -> "note";
            case FEEDBACK, RATE_ANSWER, CALL_BACK -> null;
        };
    }
}
