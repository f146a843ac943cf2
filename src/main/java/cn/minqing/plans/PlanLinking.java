package cn.minqing.plans;

import cn.minqing.cases.CaseClock;
import cn.minqing.search.CaseMatches;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Links to each open plan the cases in its scope (region, categories, words), past and future: a search in the
 * index, which the outbox keeps current. When a plan starts, all its cases; then every few seconds the cases
 * filed since yesterday (a new report is linked within seconds of being indexed), and every so often all again
 * (a case moved into the scope later). A case unlinked by hand is never linked again automatically. The sweeps
 * run on their own thread, so that a slow index never holds up the scheduler the search outbox runs on.
 */
@Component
class PlanLinking {

    private static final Logger log = LoggerFactory.getLogger(PlanLinking.class);

    private final Plans plans;
    private final CaseMatches matches;
    private final ZoneId zone;
    private final Duration fullSweepEvery;
    private final long pollMillis;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plan-linking");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastFullSweep;
    private volatile boolean waiting;

    PlanLinking(Plans plans, CaseMatches matches, @Value("${minqing.time-zone:Asia/Shanghai}") String zone,
                @Value("${minqing.plans.full-link-sweep:PT10M}") Duration fullSweepEvery,
                @Value("${minqing.plans.link-poll-ms:2000}") long pollMillis) {
        this.pollMillis = pollMillis;
        this.plans = plans;
        this.matches = matches;
        this.zone = ZoneId.of(zone);
        this.fullSweepEvery = fullSweepEvery;
    }

    /** Links every case of the plan's scope now; false when the index could not be asked (the sweeps catch up). */
    boolean linkAll(PlanRow plan) {
        return link(plan, null);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("linking cases to plans failed this time: {}", e.getClass().getSimpleName());
            }
        }, 3000, pollMillis, TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stopSweeping() {
        sweeper.shutdownNow();
    }

    void sweep() {
        List<PlanRow> open = plans.open();
        if (open.isEmpty()) {
            return;
        }
        boolean full = System.currentTimeMillis() - lastFullSweep > fullSweepEvery.toMillis();
        String since = full ? null : CaseClock.now().atZoneSameInstant(zone).toLocalDate().minusDays(1).toString();
        boolean allDone = true;
        for (PlanRow plan : open) {
            allDone &= link(plan, since);
        }
        if (full && allDone) {
            lastFullSweep = System.currentTimeMillis();
        }
    }

    private boolean link(PlanRow plan, String since) {
        try {
            List<String> numbers = matches.numbers(plan.region(), plan.categories(), plan.query(), since);
            int added = plans.linkAutomatically(plan.id(), numbers);
            if (added > 0) {
                log.info("plan {}: linked {} more case(s) of its scope", plan.id(), added);
            }
            if (waiting) {
                waiting = false;
                log.info("linking cases to plans goes on: the search index answers again");
            }
            return true;
        } catch (IOException | RuntimeException e) {
            if (!waiting) {
                waiting = true; // said once per outage, not every sweep
                log.warn("linking cases to plans waits for the search index ({})", e.getClass().getSimpleName());
            }
            return false;
        }
    }
}
