package cn.minqing.intake;

import cn.minqing.cases.CaseView;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.TimelineEntry;
import cn.minqing.people.Principal;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Filing a report and following it. */
@RestController
class CaseController {

    private final CaseFiling filing;
    private final CaseViews views;

    CaseController(CaseFiling filing, CaseViews views) {
        this.filing = filing;
        this.views = views;
    }

    @PostMapping("/api/cases")
    ResponseEntity<CaseView> file(@AuthenticationPrincipal Principal me, @RequestBody CaseReport report,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        CaseFiling.Filed filed = filing.file(report, me.user(), key);
        // a new case is shown from what the filing wrote; a replay as it is now (the first filing's case)
        CaseView body = filed.replayed() ? views.asFiledAgain(filed.number(), me.user())
                : views.asFiled(filed.written(), filed.timeline(), me.user());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + filed.number()))
                .header("Idempotent-Replayed", String.valueOf(filed.replayed()))
                .body(body);
    }

    @GetMapping("/api/cases/{number}")
    CaseView get(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        return views.get(number, me.user());
    }

    @GetMapping("/api/cases/{number}/timeline")
    List<TimelineEntry> timeline(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        return views.timelineOf(number, me.user());
    }

    /** The caller's own reports, newest first. */
    @GetMapping("/api/cases")
    List<CaseView> mine(@AuthenticationPrincipal Principal me, @RequestParam(defaultValue = "50") int size) {
        return views.reportedBy(me.user(), Math.max(1, Math.min(size, 200)));
    }
}
