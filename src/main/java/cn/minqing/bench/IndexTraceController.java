package cn.minqing.bench;

import cn.minqing.search.IndexingTrace;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load benchmark's index-lag split: when the outbox indexer picked, sent and had acknowledged each named case
 * (see {@link IndexingTrace}). Only with {@code minqing.bench.enabled=true}, and only for admins (/api/admin/**).
 */
@RestController
@ConditionalOnProperty(name = "minqing.bench.enabled", havingValue = "true")
class IndexTraceController {

    private final IndexingTrace trace;

    IndexTraceController(IndexingTrace trace) {
        this.trace = trace;
    }

    @PostMapping("/api/admin/bench/index-trace")
    Map<String, IndexingTrace.Stages> stages(@RequestBody List<String> numbers) {
        return trace.of(numbers.subList(0, Math.min(numbers.size(), 10_000)));
    }
}
