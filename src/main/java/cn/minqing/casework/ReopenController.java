package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The villager reopens their case (重新办理) with a reason. */
@RestController
class ReopenController {

    private final Reopening reopening;

    ReopenController(Reopening reopening) {
        this.reopening = reopening;
    }

    record ReopenRequest(String reason) {
    }

    @PostMapping("/api/cases/{number}/reopen")
    Map<String, String> reopen(@AuthenticationPrincipal Principal me, @PathVariable String number,
                               @RequestBody ReopenRequest body) {
        reopening.reopen(number, body.reason(), me.user());
        return Map.of("case", number, "status", "rework");
    }
}
