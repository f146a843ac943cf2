package cn.minqing.channels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The words of each message, kept as data (table message_template, zh-CN). {@code {title}}, {@code {number}} and
 * {@code {handler}} are filled in; a text is fitted into one SMS segment — 70 characters with the signature — by
 * shortening the case's title, the only part of unbounded length.
 */
@Repository
class MessageTemplates {

    /** One SMS segment of Chinese text (UCS-2): 70 characters, the signature included. */
    static final int SEGMENT = 70;
    static final String SIGNATURE = "【民情】";

    /** A filled message: the provider's template code, its parameters, and the text as the person reads it. */
    record Filled(String event, String smsCode, String wechatCode, Map<String, String> params, String text) {
    }

    private record Template(String event, String text, String smsCode, String wechatCode) {
    }

    private final JdbcClient jdbc;

    MessageTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Filled> fill(String event, String title, String number, String handler) {
        return jdbc.sql("select event, text, sms_code, wechat_code from minqing.message_template where event = ?")
                .param(event).query(Template.class).optional()
                .map(t -> fit(t, title == null ? "" : title, number == null ? "" : number, handler == null || handler.isBlank() ? "相关部门" : handler));
    }

    /** The text with a confirmation code (event "code"); sent at once, never stored. */
    Optional<Filled> code(String code) {
        return jdbc.sql("select event, text, sms_code, wechat_code from minqing.message_template where event = 'code'")
                .query(Template.class).optional()
                .map(t -> new Filled(t.event(), t.smsCode(), t.wechatCode(), Map.of("code", code), t.text().replace("{code}", code)));
    }

    private static Filled fit(Template t, String title, String number, String handler) {
        String shortTitle = title;
        String text = fillIn(t.text(), shortTitle, number, handler);
        while (segments(text) > 1 && shortTitle.length() > 4) {
            shortTitle = shortTitle.substring(0, shortTitle.length() - (shortTitle.endsWith("…") ? 2 : 1)) + "…";
            text = fillIn(t.text(), shortTitle, number, handler);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("title", shortTitle);
        params.put("number", number);
        params.put("handler", handler);
        return new Filled(t.event(), t.smsCode(), t.wechatCode(), params, text);
    }

    private static String fillIn(String template, String title, String number, String handler) {
        return template.replace("{title}", title).replace("{number}", number).replace("{handler}", handler);
    }

    /** How many SMS segments a text takes with the signature (70 characters for one; 67 each when split). */
    static int segments(String text) {
        int length = SIGNATURE.length() + text.length();
        return length <= SEGMENT ? 1 : (length + 66) / 67;
    }
}
