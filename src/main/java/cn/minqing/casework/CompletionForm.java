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
 * design also takes co-organisations (协办单位: {@code coOrganisations} codes, {@code coParts} code → its part of the
 * plan, {@code coDays} code → its working days); co-handle {report}; cosign {outcome: sign|refuse, note}.
 * Instead of its free text a cadre's stage may take {@code template} (a reply template's code) and {@code values}
 * (placeholder name → value): the filled-in template becomes that stage's text ({@link TemplateText}).
 */
public record CompletionForm(String outcome, String urgency, String reason, String mergeInto, String organisation,
                             String findings, String plan, BigDecimal cost, List<String> departments,
                             String report, String note, String rating, String comment,
                             String reply, String category, String villageCode,
                             String template, java.util.Map<String, String> values,
                             List<String> coOrganisations, java.util.Map<String, String> coParts,
                             java.util.Map<String, Integer> coDays) {

    /** The form before joint handling (协办). */
    public CompletionForm(String outcome, String urgency, String reason, String mergeInto, String organisation,
                          String findings, String plan, BigDecimal cost, List<String> departments,
                          String report, String note, String rating, String comment,
                          String reply, String category, String villageCode,
                          String template, java.util.Map<String, String> values) {
        this(outcome, urgency, reason, mergeInto, organisation, findings, plan, cost, departments, report, note, rating,
                comment, reply, category, villageCode, template, values, null, null, null);
    }

    /** The form before reply templates. */
    public CompletionForm(String outcome, String urgency, String reason, String mergeInto, String organisation,
                          String findings, String plan, BigDecimal cost, List<String> departments,
                          String report, String note, String rating, String comment,
                          String reply, String category, String villageCode) {
        this(outcome, urgency, reason, mergeInto, organisation, findings, plan, cost, departments, report, note, rating,
                comment, reply, category, villageCode, null, null);
    }

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
                report, note, rating, comment, reply, category, villageCode, template, values, coOrganisations, coParts,
                coDays);
    }

    /** The free text a stage reads ({@code reply}, {@code reason}, {@code findings}, {@code plan}, {@code report}, {@code note}). */
    String text(String field) {
        return switch (field) {
            case "reply" -> reply;
            case "reason" -> reason;
            case "findings" -> findings;
            case "plan" -> plan;
            case "report" -> report;
            default -> note;
        };
    }

    /** The same form with one free-text field set, and the template used up. */
    CompletionForm withText(String field, String text) {
        return new CompletionForm(outcome, urgency, field.equals("reason") ? text : reason, mergeInto, organisation,
                field.equals("findings") ? text : findings, field.equals("plan") ? text : plan, cost, departments,
                field.equals("report") ? text : report, field.equals("note") ? text : note, rating, comment,
                field.equals("reply") ? text : reply, category, villageCode, null, null, coOrganisations, coParts, coDays);
    }
}
