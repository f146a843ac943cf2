package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Codes by the names people use, for templates ({@code ${@codeNames.category(code)}}): statuses (调研中), categories
 * (饮水供水), stages (核实), region levels (乡镇) and organisation kinds (县直部门). A code nobody named stays hidden
 * behind a neutral word rather than showing through.
 */
@Component("codeNames")
public class CodeNames {

    private final Categories categories;
    private final MessageSource messages;

    CodeNames(Categories categories, MessageSource messages) {
        this.categories = categories;
        this.messages = messages;
    }

    public String status(String code) {
        return Arrays.stream(CaseStatus.values()).filter(s -> s.code().equals(code)).findFirst()
                .map(CaseStatus::nameZh).orElse(word("status.other"));
    }

    public String category(String code) {
        return code == null ? "" : categories.find(code).map(Category::nameZh).orElse(word("category.other"));
    }

    public String stage(String code) {
        return named("stage." + code, "stage.other");
    }

    public String level(String code) {
        return named("level." + code, "level.other");
    }

    public String organisationKind(String code) {
        return named("orgkind." + code, "orgkind.other");
    }

    private String named(String key, String otherwise) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, messages.getMessage(otherwise, null, "", locale), locale);
    }

    private String word(String key) {
        return messages.getMessage(key, null, "", LocaleContextHolder.getLocale());
    }
}
