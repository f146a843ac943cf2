package cn.minqing.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When each case's first outbox row was written, picked by the indexer, sent to Elasticsearch in a bulk request and
 * acknowledged (epoch milliseconds): the load benchmark's split of the index lag (issue 16). Records only in the
 * benchmark's throw-away run ({@code minqing.bench.enabled=true}), and at most {@link #CAPACITY} cases.
 */
@Component
public class IndexingTrace {

    static final int CAPACITY = 200_000;

    /** The stages of one case's first indexing, epoch milliseconds. */
    public record Stages(long rowWritten, long picked, long sent, long acknowledged) {
    }

    private final boolean enabled;
    private final Map<String, Stages> firstIndexed = new ConcurrentHashMap<>();

    IndexingTrace(@Value("${minqing.bench.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    /** The stages of the cases named that have been indexed, in the order asked. */
    public Map<String, Stages> of(Collection<String> numbers) {
        Map<String, Stages> found = new LinkedHashMap<>();
        for (String n : numbers) {
            Stages s = firstIndexed.get(n);
            if (s != null) {
                found.put(n, s);
            }
        }
        return found;
    }

    Batch picked(List<OutboxIndexer.Entry> entries) {
        return new Batch(enabled ? entries : List.of(), System.currentTimeMillis());
    }

    /** One bulk request's timestamps. */
    class Batch {
        private final List<OutboxIndexer.Entry> entries;
        private final long picked;
        private long sent;

        Batch(List<OutboxIndexer.Entry> entries, long picked) {
            this.entries = entries;
            this.picked = picked;
        }

        void sent() {
            sent = System.currentTimeMillis();
        }

        void acknowledged() {
            long now = System.currentTimeMillis();
            for (OutboxIndexer.Entry e : entries) {
                if (firstIndexed.size() < CAPACITY) {
                    firstIndexed.putIfAbsent(e.caseNumber(),
                            new Stages(e.createdAt().toInstant().toEpochMilli(), picked, sent, now));
                }
            }
        }
    }
}
