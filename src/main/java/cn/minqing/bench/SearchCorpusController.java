package cn.minqing.bench;

import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import cn.minqing.search.BenchmarkCases;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP search benchmark's corpus: writes made-up cases ({@link BenchmarkCases}) into the running app's search
 * index, so that a million cases can be searched through the release jar without filing them one by one. Only with
 * {@code minqing.bench.enabled=true} (the benchmark's throw-away run), and only for admins (/api/admin/**).
 */
@RestController
@ConditionalOnProperty(name = "minqing.bench.enabled", havingValue = "true")
class SearchCorpusController {

    /** At most this many cases per call: a call must end within the client's timeout. */
    static final int MAX_PER_CALL = 200_000;
    private final ApplicationContext context;
    private BenchmarkCases cases;

    SearchCorpusController(ApplicationContext context) {
        this.context = context;
    }

    /** Writes cases QS-BENCH-{first} … (count of them), refreshes, and answers the index's size. */
    @PostMapping("/api/admin/bench/search-cases")
    synchronized Map<String, Object> write(@RequestParam(defaultValue = "0") int first,
                                           @RequestParam(defaultValue = "10000") int count) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        if (first < 0) {
            problems.add(new FieldProblem("first", "bench.first.negative"));
        }
        if (count < 1 || count > MAX_PER_CALL) {
            problems.add(new FieldProblem("count", "bench.count.range", MAX_PER_CALL));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (cases == null) {
            cases = BenchmarkCases.of(context);
        }
        long start = System.nanoTime();
        cases.write(first, count);
        cases.refresh();
        long[] size = cases.size();
        return Map.of("written", count, "seconds", (System.nanoTime() - start) / 1e9, "documents", size[0],
                "storeBytes", size[1]);
    }

    /**
     * The search request's shape for A/B runs on one filled index (searchperf8): {@code single=true} sends each search
     * as one request that scores, counts and facets every match (as before), {@code false} the page and the count as
     * two requests in one round trip ({@code search.PageAndCount}).
     */
    @PostMapping("/api/admin/bench/search-shape")
    Map<String, Object> searchShape(@RequestParam boolean single) {
        System.setProperty("minqing.search.single-request", String.valueOf(single));
        return Map.of("single", single);
    }

    /**
     * The clause of a common rewrite for A/B runs on one filled index (searchcost9): {@code lean=true} puts a synonym or
     * thesaurus form that is a common word on the words fields only ({@code search.RewriteClauses}, the default),
     * {@code false} every rewrite on all seven fields, as before.
     */
    @PostMapping("/api/admin/bench/rewrite-clauses")
    Map<String, Object> rewriteClauses(@RequestParam boolean lean) {
        System.setProperty("minqing.search.rewrite-clauses", lean ? "lean" : "full");
        return Map.of("lean", lean);
    }
}
