package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
import cn.minqing.platform.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks what a cadre submits for each stage and turns it into process variables and a timeline note.
 * Bad input is refused before anything changes.
 */
@Component
class StageRules {

    static final List<String> URGENCIES = List.of("emergency", "general", "complex");
    private final Cases cases;

    StageRules(Cases cases) {
        this.cases = cases;
    }

    /** What completing a stage does: process variables, the timeline entry, and the urgency if set. */
    record Completion(Map<String, Object> variables, String kind, String note, String urgency, String mergeInto) {
    }

    Completion check(Stage stage, CompletionForm f, String caseNumber) {
        return switch (stage) {
            case ACCEPT -> accept(f, caseNumber);
            case INVESTIGATE -> simple("investigated", required("findings", f.findings()));
            case DESIGN -> design(f);
            case VERIFY -> verify(f);
        };
    }

    private Completion accept(CompletionForm f, String caseNumber) {
        String outcome = outcome(f.outcome(), "accept", "reject", "merge");
        Map<String, Object> vars = new HashMap<>(Map.of(ProcessKeys.OUTCOME, outcome));
        return switch (outcome) {
            case "reject" -> {
                String reason = required("reason", f.reason());
                vars.put(ProcessKeys.OUTCOME_NOTE, reason);
                yield new Completion(vars, "rejected", reason, null, null);
            }
            case "merge" -> {
                String target = required("mergeInto", f.mergeInto());
                CaseRecord into = cases.find(target).filter(c -> !c.status().isFinal() && !c.number().equals(caseNumber))
                        .orElseThrow(() -> new InvalidInputException("mergeInto", "task.mergeInto.unknown", target));
                vars.put(ProcessKeys.OUTCOME_NOTE, "合并至 " + into.number());
                yield new Completion(vars, "merged", "合并至 " + into.number(), null, into.number());
            }
            default -> {
                String urgency = f.urgency() == null ? "general" : f.urgency();
                if (!URGENCIES.contains(urgency)) {
                    throw new InvalidInputException("urgency", "task.urgency.invalid");
                }
                yield new Completion(vars, "accepted", f.reason(), urgency, null);
            }
        };
    }

    private Completion design(CompletionForm f) {
        String plan = required("plan", f.plan());
        BigDecimal cost = f.cost() == null ? BigDecimal.ZERO : f.cost();
        if (cost.signum() < 0) {
            throw new InvalidInputException("cost", "task.cost.invalid");
        }
        Map<String, Object> vars = Map.of("cost", cost.doubleValue());
        return new Completion(vars, "designed", plan + "（预计费用 " + cost.toPlainString() + " 元）", null, null);
    }

    private Completion verify(CompletionForm f) {
        String outcome = outcome(f.outcome(), CaseStatus.SOLVED.code(), CaseStatus.UNSOLVABLE.code());
        String note = outcome.equals("unsolvable") ? required("note", f.note()) : f.note();
        Map<String, Object> vars = new HashMap<>(Map.of(ProcessKeys.OUTCOME, outcome));
        if (note != null) {
            vars.put(ProcessKeys.OUTCOME_NOTE, note);
        }
        return new Completion(vars, "verified", note, null, null);
    }

    private static Completion simple(String kind, String note) {
        return new Completion(Map.of(), kind, note, null, null);
    }

    private static String outcome(String given, String... allowed) {
        if (given == null || !List.of(allowed).contains(given)) {
            throw new InvalidInputException("outcome", "task.outcome.invalid", String.join(" | ", allowed));
        }
        return given;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "task.field.required", field);
        }
        return value.strip();
    }
}
