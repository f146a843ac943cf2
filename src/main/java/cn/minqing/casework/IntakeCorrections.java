package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.TaskGroups;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * 受理 may correct a report's category or village (改类别、改村): the case takes the corrected ones, routing (派单) and the
 * verification by the village follow them, and the timeline says what changed, by the names people use.
 */
@Component
class IntakeCorrections {

    /** The corrected category and village, each null when it stays as reported. */
    record Correction(String category, String villageCode) {

        boolean isEmpty() {
            return category == null && villageCode == null;
        }
    }

    private final Categories categories;
    private final Regions regions;
    private final Cases cases;
    private final Timeline timeline;

    IntakeCorrections(Categories categories, Regions regions, Cases cases, Timeline timeline) {
        this.categories = categories;
        this.regions = regions;
        this.cases = cases;
        this.timeline = timeline;
    }

    /** What the form corrects; an unknown category or village is refused, both named at once. */
    Correction check(CompletionForm f, CaseRecord c) {
        List<FieldProblem> problems = new ArrayList<>();
        String category = blankToNull(f.category());
        String village = blankToNull(f.villageCode());
        if (category != null && (category.length() > 64 || !categories.isActive(category))) {
            problems.add(new FieldProblem("category", "task.category.unknown"));
        }
        if (village != null && (village.length() > 64 || !regions.isVillage(village))) {
            problems.add(new FieldProblem("villageCode", "task.villageCode.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Correction(Objects.equals(category, c.categoryCode()) ? null : category,
                Objects.equals(village, c.villageCode()) ? null : village);
    }

    /** Stores the correction, notes it on the timeline and returns the process variables routing reads. */
    Map<String, Object> apply(CaseRecord c, Correction fix, String actor) {
        List<String> said = new ArrayList<>();
        Map<String, Object> variables = new java.util.HashMap<>();
        if (fix.category() != null) {
            cases.recategorise(c.number(), fix.category(), c.villageCode());
            said.add("类别：" + categoryName(c.categoryCode()) + " → " + categoryName(fix.category()));
            variables.put(ProcessKeys.CATEGORY, fix.category());
        }
        if (fix.villageCode() != null) {
            Region village = regions.find(fix.villageCode()).orElseThrow();
            cases.recategorise(c.number(), fix.category() != null ? fix.category() : c.categoryCode(), village.code());
            said.add("村：" + villageName(c.villageCode()) + " → " + village.name());
            variables.put(ProcessKeys.TOWNSHIP, village.parentCode());
            variables.put(ProcessKeys.VILLAGE_GROUP, TaskGroups.village(village.code()));
        }
        timeline.record(c.number(), actor, "recategorised", Stage.ACCEPT.code(), String.join("；", said));
        return variables;
    }

    private String categoryName(String code) {
        return categories.find(code).map(Category::nameZh).orElse(code);
    }

    private String villageName(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
