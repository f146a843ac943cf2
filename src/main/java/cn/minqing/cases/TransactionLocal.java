package cn.minqing.cases;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the current transaction under a key (released when it completes, set aside while it is
 * suspended); {@link QueuedInTransaction} and {@link StatusInTransaction} keep theirs here.
 */
final class TransactionLocal {

    private TransactionLocal() {
    }

    /** Whether there is a transaction with synchronisation to keep a value for. */
    static boolean active() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive();
    }

    /**
     * The value under {@code key} in the current transaction; when there is none yet and {@code fresh} is given, it
     * is made and bound, and {@code afterCommit} (if given) runs once when the transaction commits. Null outside a
     * transaction, or when there is none and {@code fresh} is null.
     */
    @SuppressWarnings("unchecked")
    static <T> T get(Object key, Supplier<T> fresh, Runnable afterCommit) {
        if (!active()) {
            return null;
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null && fresh != null) {
            T made = fresh.get();
            TransactionSynchronizationManager.bindResource(key, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(key, made);
                }

                @Override
                public void afterCommit() {
                    if (afterCommit != null) {
                        afterCommit.run();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = made;
        }
        return value;
    }
}
