package cn.minqing.search;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.cases.OutboxSignal;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ships the search outbox to Elasticsearch in bulk. Rows are locked with SKIP LOCKED, so several
 * app instances share the work; a row is deleted only after Elasticsearch has taken its case, so
 * while Elasticsearch is down nothing is lost and the backlog is shipped when it returns (an
 * unreachable Elasticsearch costs a row no attempt). A case Elasticsearch itself refuses is tried
 * at every poll ten times; then the row is stuck: retried after stuck-retry-base, then after twice
 * that and so on up to stuck-retry-max, with a WARN line each time (see also {@link OutboxHealth}).
 *
 * <p>It runs on threads of its own ({@code minqing.search.shippers}, 1), each woken when a transaction that wrote
 * outbox rows commits ({@link OutboxSignal}) and otherwise every outbox-poll-ms (rows of other instances, retries);
 * after a batch a thread waits at least outbox-min-gap-ms, so that under a stream of filings one bulk request carries
 * the cases of that gap instead of one case each (issue 16: the index lag, without a bulk request and its PostgreSQL
 * round trips per case). With two threads the next rows are picked while a bulk request is in flight (a row committed
 * just after a pick need not wait for that whole bulk and its refresh), but the two bulks and their refreshes then
 * share Elasticsearch's CPU: on a two-core box it did not shorten the lag reliably (docs/operating.md, 9th session).
 * The threads share the rows as app instances do (SKIP LOCKED), so two bulk requests may carry the same case; each
 * writes the case at its database version and Elasticsearch keeps the newer ({@link CaseDocuments#write}).
 */
@Component
class OutboxIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);
    /** Attempts at every poll before a row counts as stuck and waits between attempts. */
    static final int FAST_ATTEMPTS = 10;
    record Entry(long id, String caseNumber, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Cases cases;
    private final CaseDocuments documents;
    private final SearchIndex index;
    private final ElasticsearchClient client;
    private final int batchSize;
    private final Duration stuckRetryBase;
    private final Duration stuckRetryMax;
    private final OutboxSignal signal;
    private final IndexingTrace trace;
    private final long pollMillis;
    private final long minGapMillis;
    private final boolean refreshOnShip;
    private final int shippers;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    OutboxIndexer(JdbcClient jdbc, TransactionTemplate tx, Cases cases, CaseDocuments documents, SearchIndex index,
                  ElasticsearchClient client, OutboxSignal signal, IndexingTrace trace,
                  @Value("${minqing.search.batch-size}") int batchSize,
                  @Value("${minqing.search.outbox-poll-ms}") long pollMillis,
                  @Value("${minqing.search.outbox-min-gap-ms:100}") long minGapMillis,
                  @Value("${minqing.search.refresh-on-ship:true}") boolean refreshOnShip,
                  @Value("${minqing.search.shippers:1}") int shippers,
                  @Value("${minqing.search.stuck-retry-base:2m}") Duration stuckRetryBase,
                  @Value("${minqing.search.stuck-retry-max:1h}") Duration stuckRetryMax) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.documents = documents;
        this.index = index;
        this.client = client;
        this.batchSize = batchSize;
        this.stuckRetryBase = stuckRetryBase;
        this.stuckRetryMax = stuckRetryMax;
        this.signal = signal;
        this.trace = trace;
        this.pollMillis = Math.max(1, pollMillis);
        this.minGapMillis = Math.max(0, minGapMillis);
        this.refreshOnShip = refreshOnShip;
        this.shippers = Math.max(1, shippers);
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 1; i <= shippers; i++) {
            Thread t = new Thread(this::ship, "search-outbox-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public void stop() {
        List<Thread> stopping;
        synchronized (this) {
            running = false;
            stopping = List.copyOf(threads);
            threads.clear();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (Thread t : stopping) {
            signal.committed(); // wake one: it finishes the batch in hand and ends
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void ship() {
        try {
            for (int i = 0; i < 20 && running; i++) {
                Thread.sleep(50); // a second, as the scheduled poll waited: the app finishes starting first
            }
            while (running) {
                long began = System.nanoTime();
                poll();
                long gap = minGapMillis - (System.nanoTime() - began) / 1_000_000;
                if (gap > 0) {
                    Thread.sleep(gap);
                }
                if (down.get()) {
                    Thread.sleep(pollMillis); // Elasticsearch away: commits do not hurry the next try
                } else {
                    signal.await(pollMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void poll() {
        try {
            while (shipBatch() == batchSize) {
                // a full batch: more may be waiting
            }
            if (down.compareAndSet(true, false)) {
                log.info("Elasticsearch is back; the search outbox is shipped");
            }
        } catch (RuntimeException e) {
            if (down.compareAndSet(false, true)) {
                log.warn("Search indexing paused, will retry: {}", e.getMessage());
            }
            index.forget();
        }
    }

    /** Ships one batch of the rows that are due; returns how many outbox rows it took. */
    int shipBatch() {
        Integer shipped = tx.execute(status -> {
            List<Entry> entries = jdbc.sql("""
                    select id, case_number, created_at from minqing.search_outbox
                     where next_attempt_at is null or next_attempt_at <= now()
                     order by id limit ? for update skip locked
                    """).param(batchSize).query(Entry.class).list();
            if (entries.isEmpty()) {
                return 0;
            }
            IndexingTrace.Batch traced = trace.picked(entries);
            Map<String, String> refused = ship(traced, new LinkedHashSet<>(entries.stream().map(Entry::caseNumber).toList()));
            List<Long> done = entries.stream().filter(e -> !refused.containsKey(e.caseNumber())).map(Entry::id).toList();
            jdbc.sql("delete from minqing.search_outbox where id = any(?::bigint[])").param(array(done)).update();
            if (!refused.isEmpty()) {
                countFailure(refused, entries.stream().filter(e -> refused.containsKey(e.caseNumber())).map(Entry::id).toList());
            }
            return entries.size();
        });
        return shipped == null ? 0 : shipped;
    }

    record Failure(String caseNumber, int attempts, OffsetDateTime nextAttemptAt) {
    }

    /** One more failed attempt; from the tenth on, the row waits: base, twice base, ... up to max. */
    private void countFailure(Map<String, String> refused, List<Long> rows) {
        List<Failure> failures = jdbc.sql("""
                update minqing.search_outbox
                   set attempts = attempts + 1,
                       next_attempt_at = case when attempts + 1 < ? then null
                           else now() + least(? * power(2, least(attempts + 1 - ?, 30)), ?) * interval '1 second' end
                 where id = any(?::bigint[])
                returning case_number, attempts, next_attempt_at
                """).param(FAST_ATTEMPTS).param(stuckRetryBase.toSeconds()).param(FAST_ATTEMPTS)
                .param(stuckRetryMax.toSeconds()).param(array(rows))
                .query(Failure.class).list();
        for (Failure f : failures) {
            String reason = refused.get(f.caseNumber());
            if (f.attempts() < FAST_ATTEMPTS) {
                log.info("Elasticsearch refused case {} (attempt {}): {}", f.caseNumber(), f.attempts(), reason);
            } else {
                log.warn("Elasticsearch refused case {} {} times; the outbox row is stuck and retried at {}: {}",
                        f.caseNumber(), f.attempts(), f.nextAttemptAt(), reason);
            }
        }
    }

    /** Indexes the cases; returns the numbers Elasticsearch refused, with its reasons. */
    private Map<String, String> ship(IndexingTrace.Batch traced, Set<String> numbers) {
        try {
            index.ensureExists();
            List<CaseRecord> found = cases.byNumbers(List.copyOf(numbers));
            if (found.isEmpty()) {
                return Map.of();
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            if (refreshOnShip) {
                // visible to searches once acknowledged, instead of at the index's next 1 s refresh (a refresh per batch)
                bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
            }
            for (CaseDocument doc : documents.of(found)) {
                bulk.operations(CaseDocuments.write(index.alias(), doc));
            }
            BulkRequest request = bulk.build();
            traced.sent();
            BulkResponse response = client.bulk(request);
            traced.acknowledged();
            Map<String, String> refused = new HashMap<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && !CaseDocuments.olderThanIndexed(item)) {
                    refused.put(item.id(), item.error().type() + ": " + item.error().reason());
                }
            }
            return refused;
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch unreachable: " + e.getMessage(), e);
        }
    }

    private static String array(List<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }
}
