package cn.minqing.plans;

import cn.minqing.people.Principal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work plans (工作方案) over HTTP, as issue 15's contract names them. */
@RestController
class PlanController {

    private final WorkPlans plans;

    PlanController(WorkPlans plans) {
        this.plans = plans;
    }

    @PostMapping("/api/plans")
    ResponseEntity<PlanView> start(@AuthenticationPrincipal Principal me, @RequestBody PlanRequest request) {
        PlanView plan = plans.start(request, me.user());
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).body(plan);
    }

    @GetMapping("/api/plans")
    List<PlanView> list(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                        @RequestParam(required = false) String status) {
        return plans.list(region, status, me.user());
    }

    @GetMapping("/api/plans/{id}")
    PlanView get(@AuthenticationPrincipal Principal me, @PathVariable long id) {
        return plans.get(id, me.user());
    }

    @GetMapping("/api/plans/{id}/cases")
    List<LinkedCase> cases(@AuthenticationPrincipal Principal me, @PathVariable long id) {
        return plans.cases(id, me.user());
    }

    /** Links a case by hand, with the reason (audited). */
    @PostMapping("/api/plans/{id}/cases")
    ResponseEntity<LinkedCase> link(@AuthenticationPrincipal Principal me, @PathVariable long id,
                                    @RequestBody LinkRequest request) {
        return ResponseEntity.status(201).body(plans.link(id, request, me.user()));
    }

    /** Unlinks a case by hand: {@code {number, reason}} in the body, as for linking. */
    @DeleteMapping("/api/plans/{id}/cases")
    ResponseEntity<Void> unlink(@AuthenticationPrincipal Principal me, @PathVariable long id,
                                @RequestBody(required = false) LinkRequest request) {
        plans.unlink(id, request, me.user());
        return ResponseEntity.noContent().build();
    }

    /** The same, with the case in the path and the reason as a parameter (or in the body). */
    @DeleteMapping("/api/plans/{id}/cases/{number}")
    ResponseEntity<Void> unlinkOne(@AuthenticationPrincipal Principal me, @PathVariable long id,
                                   @PathVariable String number, @RequestParam(required = false) String reason,
                                   @RequestBody(required = false) LinkRequest body) {
        String why = reason != null ? reason : body == null ? null : body.reason();
        plans.unlink(id, new LinkRequest(number, why), me.user());
        return ResponseEntity.noContent().build();
    }
}
