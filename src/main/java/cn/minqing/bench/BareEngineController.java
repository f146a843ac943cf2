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
    Map<String, Object> startInstances(@RequestParam(defaultValue = "2000") int instances,
                                       @RequestParam(defaultValue = "8") int threads) throws Exception {
        deployOnce();
        int n = Math.max(1, Math.min(instances, 100_000));
        int t = Math.max(1, Math.min(threads, 64));
        AtomicInteger left = new AtomicInteger(n);
        ExecutorService pool = Executors.newFixedThreadPool(t);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < t; i++) {
                done.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        runtime.startProcessInstanceByKey(PROCESS);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return Map.of("instances", n, "threads", t, "seconds", seconds, "perSecond", n / seconds);
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
