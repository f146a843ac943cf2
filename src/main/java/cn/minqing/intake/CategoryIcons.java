package cn.minqing.intake;

import cn.minqing.county.Category;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which drawing of the report page's SVG sprite (templates/fragments/category-icons.html) stands for a category:
 * the category's {@code icon} when it names one, else the drawing of its code, else a map pin. Emoji, which
 * older phones show as empty boxes, are never shown.
 */
public final class CategoryIcons {

    public static final List<String> DRAWINGS = List.of("water", "road", "irrigation", "farm-sales", "land", "subsidy",
            "medical", "elderly", "education", "housing", "sanitation", "security", "employment", "power", "telecom",
            "other");

    private CategoryIcons() {
    }

    static String of(Category c) {
        return of(c.code(), c.icon());
    }

    /** The drawing for a category's code and its {@code icon} as stored (a drawing's name, or an emoji from before). */
    public static String of(String code, String icon) {
        if (icon != null && DRAWINGS.contains(icon)) {
            return icon;
        }
        return DRAWINGS.contains(code) ? code : "other";
    }

    static Map<String, String> of(List<Category> categories) {
        Map<String, String> icons = new LinkedHashMap<>();
        categories.forEach(c -> icons.put(c.code(), of(c)));
        return icons;
    }
}
