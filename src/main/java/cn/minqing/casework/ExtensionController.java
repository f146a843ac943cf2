package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 延期 and 挂起 over HTTP: the handler asks; the county centre decides on its approval task. */
@RestController
class ExtensionController {

    private final Extensions extensions;
    private final Suspensions suspensions;

    ExtensionController(Extensions extensions, Suspensions suspensions) {
        this.extensions = extensions;
        this.suspensions = suspensions;
    }

    @PostMapping("/api/cases/{number}/extension")
    Map<String, String> request(@AuthenticationPrincipal Principal me, @PathVariable String number,
                                @RequestBody(required = false) Extensions.Request form) {
        extensions.request(number, form, me.user());
        return Map.of("case", number, "result", "extension-requested");
    }

    /** 挂起 {reason, until}: the county centre decides on its {@code approve-suspension} task. */
    @PostMapping("/api/cases/{number}/suspension")
    Map<String, String> suspend(@AuthenticationPrincipal Principal me, @PathVariable String number,
                                @RequestBody(required = false) Suspensions.Request form) {
        suspensions.request(number, form, me.user());
        return Map.of("case", number, "result", "suspension-requested");
    }

    @PostMapping("/api/cases/{number}/resume")
    Map<String, String> resume(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        suspensions.resume(number, me.user());
        return Map.of("case", number, "result", "resumed");
    }
}
