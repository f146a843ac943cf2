package cn.minqing.spotchecks;

import cn.minqing.people.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 抽查回访 over the API: draw a month's sample, read it with its figures, record each call. */
@RestController
class SpotCheckController {

    private final SpotChecks checks;

    SpotCheckController(SpotChecks checks) {
        this.checks = checks;
    }

    record Draw(String month, Integer size) {
    }

    record Result(String result, String note) {
    }

    @PostMapping("/api/spot-checks")
    @ResponseStatus(HttpStatus.CREATED)
    List<SpotChecks.SpotCheck> draw(@AuthenticationPrincipal Principal me, @RequestBody Draw draw) {
        return checks.draw(draw.month(), draw.size() == null ? 10 : draw.size(), me.user());
    }

    @GetMapping("/api/spot-checks")
    SpotChecks.Month month(@AuthenticationPrincipal Principal me, @RequestParam String month) {
        return checks.month(month, me.user());
    }

    @PostMapping("/api/spot-checks/{id}")
    SpotChecks.SpotCheck record(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestBody Result result) {
        return checks.record(id, result.result(), result.note(), me.user());
    }
}
