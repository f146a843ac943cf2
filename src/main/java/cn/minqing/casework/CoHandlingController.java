package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 协办 over HTTP: the lead organisation closes the joint handling with a reason for each co-organisation missing. */
@RestController
class CoHandlingController {

    private final CoHandlingClosing closing;

    CoHandlingController(CoHandlingClosing closing) {
        this.closing = closing;
    }

    @PostMapping("/api/cases/{number}/co-handling/close")
    Map<String, String> close(@AuthenticationPrincipal Principal me, @PathVariable String number,
                              @RequestBody(required = false) CoHandlingClosing.Request form) {
        closing.close(number, form, me.user());
        return Map.of("case", number, "result", "co-handling-closed");
    }
}
