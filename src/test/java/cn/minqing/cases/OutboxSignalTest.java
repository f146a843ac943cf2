package cn.minqing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search outbox's shipper is woken when a transaction that queued a case for indexing commits — not before (it
 * would read the case as it was), not after a rollback (nothing to ship), once per transaction whatever the number of
 * cases. A store of its own with its own signal, so the running indexer does not take the signal first.
 */
class OutboxSignalTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theShipperIsWokenAtCommitOnlyAndOncePerTransaction() throws InterruptedException {
        OutboxSignal signal = new OutboxSignal();
        Cases cases = new Cases(jdbc, events, signal);

        tx.executeWithoutResult(status -> {
            cases.changed("SIGNAL-TEST-1");
            cases.changed("SIGNAL-TEST-2");
            try {
                assertThat(signal.await(0)).as("no wake-up before the commit").isFalse();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(signal.await(0)).as("woken by the commit").isTrue();
        assertThat(signal.await(0)).as("one wake-up for the transaction").isFalse();

        tx.executeWithoutResult(status -> {
            cases.changed("SIGNAL-TEST-3");
            status.setRollbackOnly();
        });
        assertThat(signal.await(0)).as("a rolled-back transaction wakes nobody").isFalse();
        assertThat(jdbc.sql("select count(*) from minqing.search_outbox where case_number = 'SIGNAL-TEST-3'")
                .query(Long.class).single()).isZero();

        cases.changed("SIGNAL-TEST-4");
        assertThat(signal.await(0)).as("outside a transaction the row is committed at once").isTrue();

        long began = System.nanoTime();
        assertThat(signal.await(300)).as("nothing committed: the wait times out").isFalse();
        assertThat((System.nanoTime() - began) / 1_000_000).isGreaterThanOrEqualTo(250);
    }
}
