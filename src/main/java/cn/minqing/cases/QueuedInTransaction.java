package cn.minqing.cases;

import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases already queued for indexing in the current transaction. Outside a transaction (or without
 * synchronisation) every call counts as the first: the row is written, as before.
 */
final class QueuedInTransaction {

    private static final Object KEY = QueuedInTransaction.class;

    private QueuedInTransaction() {
    }

    /**
     * True the first time a case is named in this transaction; {@code afterCommit} runs once when the transaction
     * commits (at once, outside a transaction — the caller writes the row right after, so the shipper may miss it
     * until its next poll, as before).
     */
    @SuppressWarnings("unchecked")
    static boolean first(String number, Runnable afterCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            afterCommit.run();
            return true;
        }
        Set<String> queued = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
        if (queued == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(KEY, fresh);
                }

                @Override
                public void afterCommit() {
                    afterCommit.run();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            queued = fresh;
        }
        return queued.add(number);
    }
}
