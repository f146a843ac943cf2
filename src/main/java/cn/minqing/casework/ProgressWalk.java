package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.TimelineEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a case's timeline (minqing.case_event) through the stages in process order. Each kind of entry that
 * moves a case enters a stage ("accepted" enters 派单, "signed" enters 调研 …); entering a stage leaves the one
 * before; going back (退单, 重办, 审批退回, reopening) makes the later stages lie ahead again, keeping their events.
 * Where the timeline alone cannot tell (has a designed plan gone to approval? was a rating a 不满意?), the next
 * moving entry tells, and for the last one the case's status.
 */
final class ProgressWalk {

    static final List<Stage> ORDER = List.of(Stage.ACCEPT, Stage.DISPATCH, Stage.SIGN, Stage.INVESTIGATE,
            Stage.DESIGN, Stage.APPROVE, Stage.IMPLEMENT, Stage.VERIFY, Stage.FEEDBACK);

    /** Kinds of entries that move a case from stage to stage. */
    private static final Set<String> MOVES = Set.of("filed", "accepted", "rejected", "merged", "dispatched",
            "redispatched", "centre-takes", "returned", "signed", "investigated", "designed", "approved",
            "approval-rejected", "implemented", "verified", "rated", "no-response", "closed", "reopened");

    /** One stage's last pass. */
    static final class Pass {
        OffsetDateTime enteredAt;
        OffsetDateTime leftAt;
        boolean entered;
        final List<String> events = new ArrayList<>();
    }

    private final Map<Stage, Pass> passes = new EnumMap<>(Stage.class);
    private final CaseStatus status;
    private Stage current;

    ProgressWalk(List<TimelineEntry> entries, CaseStatus status) {
        this.status = status;
        for (Stage s : ORDER) {
            passes.put(s, new Pass());
        }
        for (int i = 0; i < entries.size(); i++) {
            step(entries, i);
        }
    }

    /** The stage the case is at; null when it is closed. */
    Stage current() {
        return status.isFinal() ? null : current;
    }

    Pass pass(Stage stage) {
        return passes.get(stage);
    }

    private void step(List<TimelineEntry> entries, int i) {
        TimelineEntry e = entries.get(i);
        OffsetDateTime at = e.at();
        switch (e.kind()) {
            case "filed" -> enter(Stage.ACCEPT, at);
            case "accepted" -> enter(Stage.DISPATCH, at);
            case "rejected", "merged", "closed" -> close(at);
            case "dispatched", "redispatched", "centre-takes" -> enter(Stage.SIGN, at);
            case "returned" -> {
                passes.get(Stage.SIGN).events.add("returned");
                enter(Stage.DISPATCH, at);
            }
            case "signed" -> enter(Stage.INVESTIGATE, at);
            case "investigated" -> enter(Stage.DESIGN, at);
            case "designed" -> enter(nextMove(entries, i, "approved", "approval-rejected") ? Stage.APPROVE : Stage.IMPLEMENT, at);
            case "approved" -> enter(Stage.IMPLEMENT, at);
            case "approval-rejected" -> {
                passes.get(Stage.APPROVE).events.add("sent-back");
                enter(Stage.DESIGN, at);
            }
            case "implemented" -> enter(Stage.VERIFY, at);
            case "verified" -> {
                if (!nextMove(entries, i, "closed")) {
                    enter(Stage.FEEDBACK, at);
                }
            }
            case "rated" -> {
                if (!nextMove(entries, i, "closed")) { // 不满意: back to its handler (重办)
                    passes.get(Stage.IMPLEMENT).events.add("reworked");
                    enter(Stage.IMPLEMENT, at);
                }
            }
            case "reopened" -> {
                passes.get(Stage.DISPATCH).events.add("reopened");
                enter(Stage.DISPATCH, at);
            }
            case "deadline-red" -> {
                if (current != null) {
                    passes.get(current).events.add("supervised");
                }
            }
            default -> { }
        }
    }

    /**
     * Whether the next entry that moves the case is one of {@code kinds}; when none follows, what the status says
     * (approving for an approval, a final status for a closing).
     */
    private boolean nextMove(List<TimelineEntry> entries, int i, String... kinds) {
        for (int j = i + 1; j < entries.size(); j++) {
            String kind = entries.get(j).kind();
            if (MOVES.contains(kind)) {
                return List.of(kinds).contains(kind);
            }
        }
        return List.of(kinds).contains("closed") ? status.isFinal() : status == CaseStatus.APPROVING;
    }

    private void enter(Stage stage, OffsetDateTime at) {
        if (stage == current) {
            return;
        }
        if (current != null) {
            passes.get(current).leftAt = at;
        }
        for (Stage later : ORDER.subList(ORDER.indexOf(stage) + 1, ORDER.size())) {
            Pass p = passes.get(later);
            p.entered = false;
            p.enteredAt = null;
            p.leftAt = null;
        }
        Pass p = passes.get(stage);
        p.entered = true;
        p.enteredAt = at;
        p.leftAt = null;
        current = stage;
    }

    private void close(OffsetDateTime at) {
        if (current != null) {
            passes.get(current).leftAt = at;
        }
        current = null;
    }
}
