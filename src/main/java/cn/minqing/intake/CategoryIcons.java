package cn.minqing.intake;

import cn.minqing.county.Category;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which drawing of the report page's SVG sprite (templates/fragments/category-icons.html) stands for a category:
 * the category's {@code icon} when it names one, else the drawing of its code, else a map pin. Emoji, which
 * older phones show as empty boxes, are never shown.
 */
final class CategoryIcons {

    static final Set<String> DRAWINGS = Set.of("water", "road", "irrigation", "farm-sales", "land", "subsidy",
            "medical", "elderly", "education", "housing", "sanitation", "security", "employment", "power", "telecom",
            "other");

    private CategoryIcons() {
    }

    static String of(Category c) {
        if (c.icon() != null && DRAWINGS.contains(c.icon())) {
            return c.icon();
        }
        return DRAWINGS.contains(c.code()) ? c.code() : "other";
    }

    static Map<String, String> of(List<Category> categories) {
        Map<String, String> icons = new LinkedHashMap<>();
        categories.forEach(c -> icons.put(c.code(), of(c)));
        return icons;
    }
}
