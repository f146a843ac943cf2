package cn.minqing.channels;

import cn.minqing.people.Principal;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins (under /api/admin): the message templates, and changing one's words or provider codes. New words must
 * use only the known placeholders and, with a short title filled in, fit one SMS segment.
 */
@RestController
class TemplateAdminController {

    record Template(String event, String text, String smsCode, String wechatCode) {
    }

    /** The shortest title the words must leave room for. */
    static final String SAMPLE_TITLE = "村口水管爆了";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    TemplateAdminController(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @GetMapping("/api/admin/channels/templates")
    @Transactional(readOnly = true)
    List<Template> all() {
        return jdbc.sql("select event, text, sms_code, wechat_code from minqing.message_template order by event")
                .query(Template.class).list();
    }

    @PutMapping("/api/admin/channels/templates/{event}")
    @Transactional
    Template change(@AuthenticationPrincipal Principal me, @PathVariable String event, @RequestBody Template given) {
        if (all().stream().noneMatch(t -> t.event().equals(event))) {
            throw ApiException.notFound("channels.template.unknown", event);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = given.text() == null ? "" : given.text().strip();
        String withoutPlaceholders = text.replaceAll("\\{(title|number|handler|code)}", "");
        if (text.isEmpty() || withoutPlaceholders.contains("{") || withoutPlaceholders.contains("}")) {
            problems.add(new FieldProblem("text", "channels.template.placeholders"));
        } else if (MessageTemplates.segments(text.replace("{title}", SAMPLE_TITLE).replace("{number}", "QS-20310304-0001")
                .replace("{handler}", "青石县水利局").replace("{code}", "123456")) > 1) {
            problems.add(new FieldProblem("text", "channels.template.tooLong", MessageTemplates.SEGMENT));
        }
        if (given.smsCode() == null || !given.smsCode().strip().matches("[A-Za-z0-9_]{1,40}")) {
            problems.add(new FieldProblem("smsCode", "channels.template.code"));
        }
        if (given.wechatCode() != null && !given.wechatCode().isBlank() && !given.wechatCode().strip().matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add(new FieldProblem("wechatCode", "channels.template.code"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String wechat = given.wechatCode() == null || given.wechatCode().isBlank() ? null : given.wechatCode().strip();
        jdbc.sql("update minqing.message_template set text = ?, sms_code = ?, wechat_code = ?, updated_at = now() where event = ?")
                .params(text, given.smsCode().strip(), wechat, event).update();
        audit.record(me.getUsername(), "channels.template-changed", event, text);
        return new Template(event, text, given.smsCode().strip(), wechat);
    }
}
