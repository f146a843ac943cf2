package cn.minqing.process;

import cn.minqing.people.Principal;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A case's process diagram: the picture for API clients, and a workbench page with the stage list beside it. */
@Controller
class DiagramController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

    private final CaseDiagram diagrams;

    DiagramController(CaseDiagram diagrams) {
        this.diagrams = diagrams;
    }

    @GetMapping("/api/cases/{number}/diagram")
    ResponseEntity<String> svg(@AuthenticationPrincipal Principal me, @PathVariable String number, Locale locale) {
        return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noStore())
                .body(diagrams.of(number, me.user(), locale).svg());
    }

    @GetMapping("/workbench/cases/{number}/diagram")
    String page(@AuthenticationPrincipal Principal me, @PathVariable String number, Locale locale, Model model) {
        CaseDiagram.Drawing drawing = diagrams.of(number, me.user(), locale);
        model.addAttribute("me", me.user());
        model.addAttribute("c", drawing.progress().view());
        model.addAttribute("steps", drawing.progress().steps());
        model.addAttribute("svg", drawing.svg());
        return "workbench/diagram";
    }
}
