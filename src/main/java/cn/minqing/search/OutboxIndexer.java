package cn.minqing.search;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ships the search outbox to Elasticsearch in bulk. Rows are locked with SKIP LOCKED, so several
 * app instances share the work; a row is deleted only after Elasticsearch has taken its case, so
 * while Elasticsearch is down nothing is lost and the backlog is shipped when it returns.
 */
@Component
class OutboxIndexer {

    private static final Logger log = LoggerFactory.getLogger(OutboxIndexer.class);
    record Entry(long id, String caseNumber) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Cases cases;
    private final CaseDocuments documents;
    private final SearchIndex index;
    private final ElasticsearchClient client;
    private final int batchSize;
    private volatile boolean down;

    OutboxIndexer(JdbcClient jdbc, TransactionTemplate tx, Cases cases, CaseDocuments documents, SearchIndex index,
                  ElasticsearchClient client, @Value("${minqing.search.batch-size}") int batchSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.documents = documents;
        this.index = index;
        this.client = client;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${minqing.search.outbox-poll-ms}", initialDelay = 1000)
    void poll() {
        try {
            while (shipBatch() == batchSize) {
                // a full batch: more may be waiting
            }
            if (down) {
                log.info("Elasticsearch is back; the search outbox is shipped");
                down = false;
            }
        } catch (RuntimeException e) {
            if (!down) {
                log.warn("Search indexing paused, will retry: {}", e.getMessage());
                down = true;
            }
            index.forget();
        }
    }

    /** Ships one batch; returns how many outbox rows it took. */
    int shipBatch() {
        Integer shipped = tx.execute(status -> {
            List<Entry> entries = jdbc.sql("""
                    select id, case_number from minqing.search_outbox where attempts < 10
                     order by id limit ? for update skip locked
                    """).param(batchSize).query(Entry.class).list();
            if (entries.isEmpty()) {
                return 0;
            }
            Set<String> failed = ship(new LinkedHashSet<>(entries.stream().map(Entry::caseNumber).toList()));
            List<Long> done = entries.stream().filter(e -> !failed.contains(e.caseNumber())).map(Entry::id).toList();
            jdbc.sql("delete from minqing.search_outbox where id = any(?::bigint[])").param(array(done)).update();
            if (!failed.isEmpty()) {
                jdbc.sql("update minqing.search_outbox set attempts = attempts + 1 where case_number = any(?::varchar[])")
                        .param("{" + String.join(",", failed) + "}").update();
            }
            return entries.size();
        });
        return shipped == null ? 0 : shipped;
    }

    /** Indexes the cases; returns the numbers Elasticsearch refused. */
    private Set<String> ship(Set<String> numbers) {
        try {
            index.ensureExists();
            List<CaseRecord> found = cases.byNumbers(List.copyOf(numbers));
            if (found.isEmpty()) {
                return Set.of();
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (CaseDocument doc : documents.of(found)) {
                bulk.operations(CaseDocuments.write(index.alias(), doc));
            }
            BulkResponse response = client.bulk(bulk.build());
            Set<String> failed = new HashSet<>();
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && !CaseDocuments.olderThanIndexed(item)) {
                    log.warn("Elasticsearch refused case {}: {}", item.id(), item.error().reason());
                    failed.add(item.id());
                }
            }
            return failed;
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch unreachable: " + e.getMessage(), e);
        }
    }

    private static String array(List<Long> ids) {
        return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
    }
}
