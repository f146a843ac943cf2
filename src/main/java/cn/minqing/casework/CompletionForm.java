package cn.minqing.casework;

import java.math.BigDecimal;

/**
 * The fields a stage may take when completed; each stage reads the ones it needs:
 * accept {outcome: accept|reject|merge, urgency, reason, mergeInto}, investigate {findings},
 * design {plan, cost}, verify {outcome: solved|unsolvable, note}.
 */
public record CompletionForm(String outcome, String urgency, String reason, String mergeInto, String findings,
                             String plan, BigDecimal cost, String note) {
}
