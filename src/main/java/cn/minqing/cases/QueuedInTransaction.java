package cn.minqing.cases;

import java.util.HashSet;
import java.util.Set;

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
    static boolean first(String number, Runnable afterCommit) {
        if (!TransactionLocal.active()) {
            afterCommit.run();
            return true;
        }
        Set<String> queued = TransactionLocal.get(KEY, HashSet::new, afterCommit);
        return queued.add(number);
    }
}
