package cn.minqing.visits;

import java.util.List;

/** The figures of several groups added up (a household, a visit and a case each belong to one group). */
record VisitTotals(long households, long covered, long visits, long onSchedule, long needsFromVisits,
                   long casesFromVillagers, long visitCasesSolved) {

    static VisitTotals of(List<VisitFigures.Row> rows) {
        long h = 0, c = 0, v = 0, o = 0, n = 0, r = 0, s = 0;
        for (VisitFigures.Row row : rows) {
            h += row.households();
            c += row.householdsCovered();
            v += row.visits();
            o += row.visitsOnSchedule();
            n += row.needsFromVisits();
            r += row.casesFromVillagers() == null ? 0 : row.casesFromVillagers();
            s += row.visitCasesSolved();
        }
        return new VisitTotals(h, c, v, o, n, r, s);
    }

    Double coverage() {
        return share(covered, households);
    }

    Double onScheduleRate() {
        return share(onSchedule, visits);
    }

    Double needShare() {
        return share(needsFromVisits, needsFromVisits + casesFromVillagers);
    }

    Double solvedRate() {
        return share(visitCasesSolved, needsFromVisits);
    }

    /** A share as the report and the dashboard write it: 83.3%, or — when there is nothing to divide by. */
    static String percent(Double share) {
        return share == null ? "—" : "%.1f%%".formatted(share * 100);
    }

    /** A row's rate (already in percent, one decimal) as written. */
    static String percentOf(Double percent) {
        return percent == null ? "—" : "%.1f%%".formatted(percent);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : part / (double) whole;
    }
}
