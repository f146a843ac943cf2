package cn.minqing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load benchmark's yardstick: how fast the same engine on the same database starts a trivial
 * process (start, one user task nobody is offered) with no app code around it. Only with
 * {@code minqing.bench.enabled=true} (the benchmark's throw-away run), and only for admins (/api/admin/**).
 */
@RestController
@ConditionalOnProperty(name = "minqing.bench.enabled", havingValue = "true")
class BareEngineController {

    static final String PROCESS = "minqing-bench-trivial";
    private final RuntimeService runtime;
    private final RepositoryService repository;

    BareEngineController(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    @PostMapping("/api/admin/bench/engine")
    Map<String, Object> startInstances(@RequestParam(defaultValue = "20") int seconds,
                                       @RequestParam(defaultValue = "8") int threads) throws Exception {
        deployOnce();
        int t = Math.max(1, Math.min(threads, 64));
        long stop = System.nanoTime() + Math.max(1, Math.min(seconds, 600)) * 1_000_000_000L;
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(t);
        long begun = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < t; i++) {
                done.add(pool.submit(() -> {
                    while (System.nanoTime() < stop) {
                        runtime.startProcessInstanceByKey(PROCESS);
                        started.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double took = (System.nanoTime() - begun) / 1e9;
        return Map.of("instances", started.get(), "threads", t, "seconds", took, "perSecond", started.get() / took);
    }

    private synchronized void deployOnce() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("bench: trivial").camundaHistoryTimeToLive(1)
                .startEvent().userTask("wait").endEvent().done();
        repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
    }
}
