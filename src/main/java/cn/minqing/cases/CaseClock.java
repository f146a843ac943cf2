package cn.minqing.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time of case events. It is the process engine's clock, so timeline entries, deadlines and
 * timers agree; tests and the demo loader move it, production leaves it on the system clock.
 */
public final class CaseClock {

    private CaseClock() {
    }

    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }
}
