package cn.minqing.casework;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fields a stage may take when completed; each stage reads the ones it needs:
 * accept {outcome: accept|reject|merge|answer, urgency, reason, mergeInto, reply (直接答复), category and villageCode
 * (corrections: routing follows them)}; dispatch {organisation, note};
 * sign {outcome: sign|return, reason}; investigate {findings}; design {plan, cost, departments};
 * approve {outcome: approve|reject, note}; implement {report}; verify {outcome: solved|unsolvable, note};
 * feedback and rateAnswer {rating: satisfied|basically|dissatisfied, comment}; supervise {note}.
 */
public record CompletionForm(String outcome, String urgency, String reason, String mergeInto, String organisation,
                             String findings, String plan, BigDecimal cost, List<String> departments,
                             String report, String note, String rating, String comment,
                             String reply, String category, String villageCode) {

    /** The form before intake could answer directly or correct a report. */
    public CompletionForm(String outcome, String urgency, String reason, String mergeInto, String organisation,
                          String findings, String plan, BigDecimal cost, List<String> departments,
                          String report, String note, String rating, String comment) {
        this(outcome, urgency, reason, mergeInto, organisation, findings, plan, cost, departments, report, note, rating,
                comment, null, null, null);
    }

    public static CompletionForm empty() {
        return new CompletionForm(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CompletionForm withOutcome(String value) {
        return new CompletionForm(value, urgency, reason, mergeInto, organisation, findings, plan, cost, departments,
                report, note, rating, comment, reply, category, villageCode);
    }
}
