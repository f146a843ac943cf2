package cn.minqing.intake;

import cn.minqing.people.Principal;
import cn.minqing.platform.web.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Similar open cases before filing, and "me too" (附议). */
@RestController
class SupportController {

    private final Supporters supporters;
    private final OpenCases openCases;
    private final cn.minqing.search.SimilarCases similarCases;

    SupportController(Supporters supporters, OpenCases openCases, cn.minqing.search.SimilarCases similarCases) {
        this.supporters = supporters;
        this.openCases = openCases;
        this.similarCases = similarCases;
    }

    /**
     * Before filing: with {@code text}, likely duplicates by their words in the village or within
     * {@code radiusKm}, open ones first; without, the village's open cases of the category.
     */
    @GetMapping("/api/cases/similar")
    List<?> similar(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String villageCode,
                    @RequestParam(required = false) String category, @RequestParam(required = false) String text,
                    @RequestParam(defaultValue = "3") double radiusKm) throws java.io.IOException {
        String village = villageCode != null ? villageCode : me.user().villageCode();
        if (village == null) {
            throw new InvalidInputException("villageCode", "case.village.required");
        }
        if (text != null && !text.isBlank()) {
            return similarCases.find(text, village, Math.max(0.1, Math.min(radiusKm, 20)), 10, me.user());
        }
        return openCases.in(village, category, 10, me.user());
    }

    @PostMapping("/api/cases/{number}/support")
    Map<String, Object> support(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        boolean added = supporters.support(number, me.user());
        return Map.of("case", number, "added", added);
    }
}
