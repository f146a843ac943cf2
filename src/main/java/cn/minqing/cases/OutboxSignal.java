package cn.minqing.cases;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Tells the search outbox's shipper that a transaction which wrote outbox rows has committed, so it ships them at
 * once instead of at its next poll (issue 16: the index lag). Only a wake-up: the rows in PostgreSQL stay the
 * guarantee — a lost signal (another instance committed, the shipper was busy) costs at most one poll interval.
 */
@Component
public class OutboxSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition rowsCommitted = lock.newCondition();
    private boolean pending;

    /** A transaction with outbox rows committed (or rows were written outside a transaction). */
    public void committed() {
        lock.lock();
        try {
            pending = true;
            rowsCommitted.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until rows were committed since the last call, or the time is up.
     *
     * @return true when woken by a commit
     */
    public boolean await(long millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (!pending && nanos > 0) {
                nanos = rowsCommitted.awaitNanos(nanos);
            }
            boolean woken = pending;
            pending = false;
            return woken;
        } finally {
            lock.unlock();
        }
    }
}
