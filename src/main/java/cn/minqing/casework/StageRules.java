package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.people.CurrentUser;
import cn.minqing.county.Organisations;
import cn.minqing.platform.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks what a person submits for each stage and turns it into process variables, a timeline entry
 * and the case fields it changes. Bad input is refused before anything changes.
 */
@Component
class StageRules {

    static final List<String> URGENCIES = List.of("emergency", "general", "complex");
    static final List<String> RATINGS = List.of("satisfied", "basically", "dissatisfied");

    private final Cases cases;
    private final CaseViews views;
    private final Organisations organisations;
    private final BigDecimal approvalThreshold;
    private final CoHandling coHandling;

    StageRules(Cases cases, CaseViews views, Organisations organisations, CoHandling coHandling,
               @Value("${minqing.casework.approval-cost-threshold:20000}") BigDecimal approvalThreshold) {
        this.coHandling = coHandling;
        this.cases = cases;
        this.views = views;
        this.organisations = organisations;
        this.approvalThreshold = approvalThreshold;
    }

    /** What completing a stage does. Optional parts are null when the stage does not set them. */
    record Completion(Map<String, Object> variables, String kind, String note, String urgency, String mergeInto,
                      BigDecimal cost, String rating, boolean signed) {

        static Completion of(String kind, String note, Map<String, Object> variables) {
            return new Completion(variables, kind, note, null, null, null, null, false);
        }

        Completion withNote(String text) {
            return new Completion(variables, kind, text, urgency, mergeInto, cost, rating, signed);
        }
    }

    /** {@code mustTake}: the county centre holds the case after two returns and may not return it. */
    Completion check(Stage stage, CompletionForm f, CaseRecord c, boolean mustTake, CurrentUser user) {
        checkLengths(f);
        return switch (stage) {
            case ACCEPT -> accept(f, c, user);
            case DISPATCH -> dispatch(f);
            case SIGN -> sign(f, mustTake);
            case INVESTIGATE -> Completion.of("investigated", required("findings", f.findings()), Map.of());
            case DESIGN -> design(f, c);
            case APPROVE -> approve(f);
            case IMPLEMENT -> Completion.of("implemented", required("report", f.report()), Map.of());
            case VERIFY -> verify(f);
            case FEEDBACK -> feedback(f);
            case SUPERVISE -> Completion.of("supervised", required("note", f.note()), Map.of());
            case RATE_ANSWER -> feedback(f);
            case CALL_BACK -> { // the rating the villager gave on the phone, recorded by the county centre
                Completion rated = feedback(f);
                yield new Completion(rated.variables(), "rated-by-phone", rated.note(), null, null, null, rated.rating(), false);
            }
            case APPROVE_EXTENSION -> centreDecision(Stage.APPROVE_EXTENSION, f, "extension", ProcessKeys.EXTENSION_OUTCOME);
            case APPROVE_SUSPENSION -> centreDecision(Stage.APPROVE_SUSPENSION, f, "suspension", ProcessKeys.SUSPENSION_OUTCOME);
            case CO_HANDLE -> Completion.of("co-handled", required("report", f.report()), Map.of());
            case COSIGN -> cosign(f);
        };
    }

    /**
     * 受理. The urgency chosen is kept whatever the outcome (the form offers it with every one): accepted, it reaches
     * the row with the handler and deadlines (派单, {@link DeadlinesPlanned}); rejected, merged or answered, with the
     * outcome ({@link CaseClosing}, {@link DirectAnswer}). A wrong urgency is named with the outcome's own problems.
     */
    private Completion accept(CompletionForm f, CaseRecord c, CurrentUser user) {
        String outcome = choice(Stage.ACCEPT, "outcome", f.outcome(), "accept", "reject", "merge", "answer");
        String urgency = f.urgency() == null ? (outcome.equals("accept") ? "general" : null) : f.urgency();
        List<cn.minqing.platform.web.FieldProblem> problems = new java.util.ArrayList<>();
        if (urgency != null && !URGENCIES.contains(urgency)) {
            problems.add(new cn.minqing.platform.web.FieldProblem("urgency", "task.choice.invalid.urgency", "urgency"));
        }
        Completion done = null;
        try {
            done = acceptOutcome(outcome, f, c, user);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (urgency != null) {
            done.variables().put(ProcessKeys.URGENCY, urgency);
        }
        return new Completion(done.variables(), done.kind(), done.note(), urgency, done.mergeInto(), null, null, false);
    }

    private Completion acceptOutcome(String outcome, CompletionForm f, CaseRecord c, CurrentUser user) {
        Map<String, Object> vars = new HashMap<>(Map.of(ProcessKeys.OUTCOME, outcome));
        if (outcome.equals("answer")) { // 直接答复: closed as answered at once, the reply is what the villager reads
            String reply = required("reply", f.reply());
            vars.put(ProcessKeys.OUTCOME_NOTE, reply);
            return Completion.of("answered", reply, vars);
        }
        if (outcome.equals("reject")) {
            String reason = required("reason", f.reason());
            vars.put(ProcessKeys.OUTCOME_NOTE, reason);
            return Completion.of("rejected", reason, vars);
        }
        if (outcome.equals("merge")) {
            String target = required("mergeInto", f.mergeInto());
            // only into an open case the merging cadre may see: a number outside their scope is as unknown as a wrong one
            CaseRecord into = cases.find(target).filter(t -> !t.status().isFinal() && !t.number().equals(c.number()))
                    .filter(t -> views.mayView(t, user))
                    .orElseThrow(() -> new InvalidInputException("mergeInto", "task.mergeInto.unknown", target));
            vars.put(ProcessKeys.OUTCOME_NOTE, "合并至 " + into.number());
            return new Completion(vars, "merged", "合并至 " + into.number(), null, into.number(), null, null, false);
        }
        return new Completion(vars, "accepted", f.reason(), null, null, null, null, false);
    }

    private Completion dispatch(CompletionForm f) {
        String org = required("organisation", f.organisation());
        if (!org.equals(Handlers.TOWNSHIP_OFFICE) && organisations.find(org).isEmpty()) {
            throw new InvalidInputException("organisation", "task.organisation.unknown", org);
        }
        return Completion.of("redispatched", f.note(), Map.of(ProcessKeys.ORGANISATION, org));
    }

    private Completion sign(CompletionForm f, boolean mustTake) {
        String outcome = choice(Stage.SIGN, "outcome", f.outcome(), "sign", "return");
        if (outcome.equals("return")) {
            if (mustTake) {
                throw new InvalidInputException("outcome", "task.sign.mustTake");
            }
            return Completion.of("returned", required("reason", f.reason()), Map.of(ProcessKeys.OUTCOME, outcome));
        }
        return new Completion(Map.of(ProcessKeys.OUTCOME, outcome), "signed", f.reason(), null, null, null, null, true);
    }

    private Completion design(CompletionForm f, CaseRecord c) {
        List<cn.minqing.platform.web.FieldProblem> problems = new java.util.ArrayList<>();
        if (f.plan() == null || f.plan().isBlank()) {
            problems.add(new cn.minqing.platform.web.FieldProblem("plan", "task.field.required", "plan"));
        }
        BigDecimal cost = f.cost() == null ? BigDecimal.ZERO : f.cost();
        if (cost.signum() < 0) {
            problems.add(new cn.minqing.platform.web.FieldProblem("cost", "task.cost.invalid"));
        }
        CoHandling.Plan joint = coHandling.plan(f, c); // 协办: every wrong co-organisation named with the rest
        problems.addAll(joint.problems());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String plan = f.plan().strip();
        List<String> departments = f.departments() == null ? List.of() : f.departments();
        boolean needsApproval = cost.compareTo(approvalThreshold) > 0 || departments.size() > 1;
        // the timeline names departments as people read them (青石县水利局), not by their codes
        List<String> names = departments.stream().map(d -> organisations.find(d).map(o -> o.name()).orElse(d)).toList();
        String note = plan + "（预计费用 " + cost.toPlainString() + " 元"
                + (names.isEmpty() ? "" : "，涉及 " + String.join("、", names)) + "）" + coNote(joint);
        Map<String, Object> vars = new HashMap<>(Map.of(ProcessKeys.NEEDS_APPROVAL, needsApproval, "cost", cost.doubleValue(),
                ProcessKeys.CO_ORGANISATION_COUNT, joint.coOrganisations().size(),
                ProcessKeys.COSIGNERS, String.join(",", joint.cosigners()), ProcessKeys.COSIGN_REFUSED, false));
        return new Completion(vars, "designed", note, null, null, cost, null, false);
    }

    /** 协办单位 and their parts, as the timeline shows them. */
    private static String coNote(CoHandling.Plan joint) {
        if (joint.coOrganisations().isEmpty()) {
            return "";
        }
        return "；协办单位：" + String.join("、", joint.coOrganisations().stream().map(o -> {
            String part = joint.parts().get(o.code());
            return o.name() + "（" + o.days() + "个工作日" + (part == null || part.isBlank() ? "" : "：" + part.strip()) + "）";
        }).toList());
    }

    /** 会签: sign, or refuse with a reason the lead can act on (the plan goes back to design). */
    private Completion cosign(CompletionForm f) {
        String outcome = choice(Stage.COSIGN, "outcome", f.outcome(), "sign", "refuse");
        if (outcome.equals("refuse")) {
            return Completion.of("cosign-refused", required("note", f.note()), Map.of(ProcessKeys.COSIGN_REFUSED, true));
        }
        return Completion.of("cosigned", f.note(), Map.of());
    }

    private Completion approve(CompletionForm f) {
        String outcome = choice(Stage.APPROVE, "outcome", f.outcome(), "approve", "reject");
        String note = outcome.equals("reject") ? required("note", f.note()) : f.note();
        return Completion.of(outcome.equals("approve") ? "approved" : "approval-rejected", note,
                Map.of(ProcessKeys.OUTCOME, outcome));
    }

    /** 延期审批, 挂起审批 by the county centre: approve, or refuse with a note the handler can act on. */
    private Completion centreDecision(Stage stage, CompletionForm f, String what, String variable) {
        String outcome = choice(stage, "outcome", f.outcome(), "approve", "refuse");
        String note = outcome.equals("refuse") ? required("note", f.note()) : f.note();
        return Completion.of(what + (outcome.equals("approve") ? "-approved" : "-refused"), note,
                Map.of(variable, outcome));
    }

    private Completion verify(CompletionForm f) {
        String verdict = choice(Stage.VERIFY, "outcome", f.outcome(), "solved", "unsolvable");
        String note = verdict.equals("unsolvable") ? required("note", f.note()) : f.note();
        Map<String, Object> vars = new HashMap<>(Map.of(ProcessKeys.VERDICT, verdict, ProcessKeys.REWORK, false));
        if (note != null) {
            vars.put(ProcessKeys.OUTCOME_NOTE, note);
        }
        return Completion.of("verified", note, vars);
    }

    private Completion feedback(CompletionForm f) {
        String rating = choice(Stage.FEEDBACK, "rating", f.rating(), RATINGS.toArray(String[]::new));
        return new Completion(Map.of(ProcessKeys.RATING, rating), "rated", f.comment(), null, null, null, rating, false);
    }

    /**
     * A decision a person must make on a stage's form. Nothing is ever assumed: no choice is a 400 that names the
     * field and says, in words, what there is to choose ({@code task.choice.missing.<stage>}).
     */
    private static String choice(Stage stage, String field, String given, String... allowed) {
        if (given == null || given.isBlank() || !List.of(allowed).contains(given)) {
            // a wrong value is answered like a missing one: with the choices in words, never their codes
            throw new InvalidInputException(field, "task.choice.missing." + stage.code());
        }
        return given;
    }

    private static String oneOf(String field, String given, String... allowed) {
        if (given == null || !List.of(allowed).contains(given)) {
            throw new InvalidInputException(field, "task.choice.invalid." + field, field);
        }
        return given;
    }

    static final int MAX_TEXT = 2000;

    /** Every text a person types is at most {@link #MAX_TEXT} characters; codes at most 64. All named at once. */
    private static void checkLengths(CompletionForm f) {
        java.util.List<cn.minqing.platform.web.FieldProblem> problems = new java.util.ArrayList<>();
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("reason", f.reason());
        texts.put("findings", f.findings());
        texts.put("plan", f.plan());
        texts.put("report", f.report());
        texts.put("note", f.note());
        texts.put("comment", f.comment());
        texts.put("reply", f.reply());
        texts.forEach((field, value) -> {
            if (value != null && value.length() > MAX_TEXT) {
                problems.add(new cn.minqing.platform.web.FieldProblem(field, "task.field.tooLong", MAX_TEXT));
            }
        });
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("outcome", f.outcome());
        codes.put("urgency", f.urgency());
        codes.put("mergeInto", f.mergeInto());
        codes.put("organisation", f.organisation());
        codes.put("rating", f.rating());
        codes.put("category", f.category());
        codes.put("villageCode", f.villageCode());
        codes.forEach((field, value) -> {
            if (value != null && value.length() > 64) {
                problems.add(new cn.minqing.platform.web.FieldProblem(field, "task.field.tooLong", 64));
            }
        });
        if (f.departments() != null && (f.departments().size() > 20
                || f.departments().stream().anyMatch(d -> d == null || d.length() > 64))) {
            problems.add(new cn.minqing.platform.web.FieldProblem("departments", "task.departments.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "task.field.required", field);
        }
        return value.strip();
    }
}
