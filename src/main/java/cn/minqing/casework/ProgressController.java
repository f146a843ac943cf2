package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A case's way through its stages, for whoever may see the case. */
@RestController
class ProgressController {

    private final CaseProgress progress;

    ProgressController(CaseProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/cases/{number}/progress")
    List<ProgressStep> progress(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        return progress.stepsOf(number, me.user());
    }
}
