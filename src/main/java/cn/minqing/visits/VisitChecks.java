package cn.minqing.visits;

import cn.minqing.cases.CaseClock;
import cn.minqing.platform.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/** What is wrong with a visit apart from its needs' cases (those are checked as any report is). */
final class VisitChecks {

    /** No household file goes back further: a visit before it is a wrong date (or an overflowing number). */
    static final int EARLIEST_YEAR = 2000;

    private VisitChecks() {
    }

    static List<FieldProblem> problems(VisitRequest r, boolean householdVisitable) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.household() == null) {
            problems.add(new FieldProblem("household", "visit.household.required"));
        } else if (!householdVisitable) {
            problems.add(new FieldProblem("household", "visit.household.unknown", r.household()));
        }
        if (r.visitedAt() == null) {
            problems.add(new FieldProblem("visitedAt", "visit.visitedAt.required"));
        } else if (r.visitedAt().isAfter(CaseClock.now().plusMinutes(10))) {
            problems.add(new FieldProblem("visitedAt", "visit.visitedAt.future"));
        } else if (r.visitedAt().getYear() < EARLIEST_YEAR) { // 1e400 as epoch seconds was read as 1970
            problems.add(new FieldProblem("visitedAt", "visit.visitedAt.past", String.valueOf(EARLIEST_YEAR)));
        }
        if (r.met() != null && r.met().length() > 100) {
            problems.add(new FieldProblem("met", "visit.met.size"));
        }
        if (r.notes() != null && r.notes().length() > 5000) {
            problems.add(new FieldProblem("notes", "visit.notes.size"));
        }
        if ((r.lat() == null) != (r.lon() == null)) {
            problems.add(new FieldProblem(r.lat() == null ? "lat" : "lon", "case.location.pair"));
        }
        if (r.lat() != null && Math.abs(r.lat()) > 90) {
            problems.add(new FieldProblem("lat", "case.lat.range"));
        }
        if (r.lon() != null && Math.abs(r.lon()) > 180) {
            problems.add(new FieldProblem("lon", "case.lon.range"));
        }
        if (r.needList().size() > VisitRecording.MAX_NEEDS) {
            problems.add(new FieldProblem("needs", "visit.needs.tooMany", VisitRecording.MAX_NEEDS));
        }
        for (int i = 0; i < r.needList().size(); i++) {
            VisitRequest.Need n = r.needList().get(i);
            if (n == null) {
                problems.add(new FieldProblem("needs[" + i + "]", "visit.need.empty"));
            } else if (n.solved() && (n.title() == null || n.title().isBlank())) {
                problems.add(new FieldProblem("needs[" + i + "].title", "case.title.required"));
            } else if (n.solved() && n.title().length() > 100) {
                problems.add(new FieldProblem("needs[" + i + "].title", "case.title.size"));
            }
        }
        return problems;
    }
}
