package cn.minqing.cases;

import java.util.HashMap;
import java.util.Map;

/**
 * The status each case was last given in the current transaction by {@link Cases}: a stage that enters a status the
 * same transaction already wrote (派单 writes 已派单 with the handler and the deadlines, then the 签收 task enters it)
 * skips the second update of the row. Outside a transaction nothing is remembered and every write happens.
 */
final class StatusInTransaction {

    private static final Object KEY = StatusInTransaction.class;

    private StatusInTransaction() {
    }

    /** True when this transaction already set the case to exactly this status and nothing changed it since. */
    static boolean already(String number, CaseStatus status) {
        Map<String, CaseStatus> written = written(false);
        return written != null && status == written.get(number);
    }

    /** The case now holds this status in this transaction ({@code null}: unknown, e.g. a write of another status). */
    static void wrote(String number, CaseStatus status) {
        Map<String, CaseStatus> written = written(status != null);
        if (written == null) {
            return;
        }
        if (status == null) {
            written.remove(number);
        } else {
            written.put(number, status);
        }
    }

    private static Map<String, CaseStatus> written(boolean create) {
        return TransactionLocal.get(KEY, create ? HashMap::new : null, null);
    }
}
