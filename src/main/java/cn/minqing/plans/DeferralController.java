package cn.minqing.plans;

import cn.minqing.people.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 挂账 over HTTP: defer a case to a plan until a date, or call it back early. */
@RestController
class DeferralController {

    private final Deferrals deferrals;

    DeferralController(Deferrals deferrals) {
        this.deferrals = deferrals;
    }

    /** {@code {plan, until, reason}} → 201 with the deferral. */
    @PostMapping("/api/cases/{number}/deferral")
    ResponseEntity<Deferral> defer(@AuthenticationPrincipal Principal me, @PathVariable String number,
                                   @RequestBody(required = false) DeferralRequest request) {
        return ResponseEntity.status(201).body(deferrals.defer(number, request, me.user()));
    }

    /** Calls the case back before its date: it comes back now. */
    @DeleteMapping("/api/cases/{number}/deferral")
    ResponseEntity<Void> recall(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        deferrals.recall(number, me.user());
        return ResponseEntity.noContent().build();
    }
}
