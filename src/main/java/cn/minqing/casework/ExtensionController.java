package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 延期 over HTTP: the handler asks; the county centre decides on its {@code approve-extension} task. */
@RestController
class ExtensionController {

    private final Extensions extensions;

    ExtensionController(Extensions extensions) {
        this.extensions = extensions;
    }

    @PostMapping("/api/cases/{number}/extension")
    Map<String, String> request(@AuthenticationPrincipal Principal me, @PathVariable String number,
                                @RequestBody(required = false) Extensions.Request form) {
        extensions.request(number, form, me.user());
        return Map.of("case", number, "result", "extension-requested");
    }
}
