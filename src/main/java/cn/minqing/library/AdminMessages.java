package cn.minqing.library;

import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The admin pages' words for a refusal: the same messages the API sends, one per wrong field. */
@Component
class AdminMessages {

    private final MessageSource messages;

    AdminMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<String> of(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).toList();
        }
        if (e instanceof ApiException api) {
            return List.of(messages.getMessage(api.messageKey(), api.args(), api.messageKey(), locale));
        }
        throw e;
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
