package cn.minqing.plans;

import org.springframework.stereotype.Component;

/** The plan's indicator before it started and since: not measured yet (null) in this first part. */
@Component
class PlanEffect {

    record Measured(Double before, Double since) {
    }

    Measured measure(PlanRow plan) {
        return new Measured(null, null);
    }
}
