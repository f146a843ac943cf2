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

    SupportController(Supporters supporters) {
        this.supporters = supporters;
    }

    /** Open cases of the village (the caller's own by default), same category first if given. */
    @GetMapping("/api/cases/similar")
    List<SimilarCase> similar(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String villageCode,
                              @RequestParam(required = false) String category) {
        String village = villageCode != null ? villageCode : me.user().villageCode();
        if (village == null) {
            throw new InvalidInputException("villageCode", "case.village.required");
        }
        return supporters.openIn(village, category, 10);
    }

    @PostMapping("/api/cases/{number}/support")
    Map<String, Object> support(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        boolean added = supporters.support(number, me.user());
        return Map.of("case", number, "added", added);
    }
}
