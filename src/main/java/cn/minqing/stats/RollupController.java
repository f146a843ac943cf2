package cn.minqing.stats;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins (/api/admin/** is admin-only): recount the daily rollups (每日汇总) from the case rows. */
@RestController
class RollupController {

    private final CaseRollup rollup;

    RollupController(CaseRollup rollup) {
        this.rollup = rollup;
    }

    @PostMapping("/api/admin/stats/rollup")
    CaseRollup.Rebuilt rebuild() {
        return rollup.rebuild();
    }
}
