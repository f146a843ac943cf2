package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox may be shipped by several threads at once ({@code minqing.search.shippers} above 1, issue 16: the next
 * rows picked while a bulk request is in flight) or several app instances: two bulk requests in flight may carry the
 * same case, read at different versions, and arrive in either order. Whatever the order, the index ends with the
 * case's last state. Here the app's own shipper and three more threads of the test ship the outbox while a case
 * changes a hundred times, each change with an outbox row of its own; the index must end at the database's version
 * and supporter count.
 */
class OverlappingShippersTest extends ApiTest {

    @Autowired
    Cases cases;
    @Autowired
    OutboxIndexer indexer;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theIndexEndsAtTheLastStateWhateverOrderOverlappingBulksArriveIn() throws Exception {
        String number = file("villager1", "村口的路灯一到晚上就闪", "村口那几盏路灯晚上一直闪，走夜路看不清", "road");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean changing = new AtomicBoolean(true);
        AtomicInteger batches = new AtomicInteger();
        try {
            List<Future<?>> extraShippers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                extraShippers.add(pool.submit(() -> {
                    while (changing.get()) {
                        if (indexer.shipBatch() > 0) {
                            batches.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Future<?> changes = pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    cases.addSupporter(number); // one change, one outbox row, each committed on its own
                }
                return null;
            });
            changes.get(60, TimeUnit.SECONDS);
            changing.set(false);
            for (Future<?> f : extraShippers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            changing.set(false);
            pool.shutdownNow();
        }
        assertThat(batches.get()).as("the test's own shippers took part").isPositive();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outboxRows(number) > 0 && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(outboxRows(number)).as("every change shipped").isZero();
        CaseRecord stored = cases.byNumbers(List.of(number)).get(0);
        assertThat(stored.supporters()).isEqualTo(100);
        var indexed = client.get(g -> g.index("cases").id(number), CaseDocument.class);
        assertThat(indexed.version()).as("the index holds the last version").isEqualTo(stored.version());
        assertThat(indexed.source().supporters()).as("and the last state").isEqualTo(100);
    }

    private long outboxRows(String number) {
        return jdbc.sql("select count(*) from minqing.search_outbox where case_number = ?").param(number)
                .query(Long.class).single();
    }
}
