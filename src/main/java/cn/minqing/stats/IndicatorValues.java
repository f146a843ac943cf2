package cn.minqing.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The indicators of one group and period; a rate is null when nothing is there to divide by. */
public record IndicatorValues(long receivedCount, Double responseRate, Double onTimeRate, Double resolutionRate,
                       Double satisfactionRate, Double feedbackRate, Double reworkRate, Double returnRate,
                       long supervisionCount, long openCount, long overdueCount, Double avgResolutionHours,
                       Double p90ResolutionHours, Double supportersPerCase, Double directAnswerRate,
                       Double extensionRate, Double onTimeOriginalRate, long deferredCount, Double deferralRate) {

    /** The indicators before deferrals to plans were counted (挂账 unknown). */
    public IndicatorValues(long receivedCount, Double responseRate, Double onTimeRate, Double resolutionRate,
                           Double satisfactionRate, Double feedbackRate, Double reworkRate, Double returnRate,
                           long supervisionCount, long openCount, long overdueCount, Double avgResolutionHours,
                           Double p90ResolutionHours, Double supportersPerCase, Double directAnswerRate,
                           Double extensionRate, Double onTimeOriginalRate) {
        this(receivedCount, responseRate, onTimeRate, resolutionRate, satisfactionRate, feedbackRate, reworkRate,
                returnRate, supervisionCount, openCount, overdueCount, avgResolutionHours, p90ResolutionHours,
                supportersPerCase, directAnswerRate, extensionRate, onTimeOriginalRate, 0, null);
    }

    /** The indicators before direct answers and extensions were counted (直接答复率, 延期率 unknown). */
    public IndicatorValues(long receivedCount, Double responseRate, Double onTimeRate, Double resolutionRate,
                           Double satisfactionRate, Double feedbackRate, Double reworkRate, Double returnRate,
                           long supervisionCount, long openCount, long overdueCount, Double avgResolutionHours,
                           Double p90ResolutionHours, Double supportersPerCase) {
        this(receivedCount, responseRate, onTimeRate, resolutionRate, satisfactionRate, feedbackRate, reworkRate,
                returnRate, supervisionCount, openCount, overdueCount, avgResolutionHours, p90ResolutionHours,
                supportersPerCase, null, null, null);
    }

    static IndicatorValues from(ResultSet rs) throws SQLException {
        return of(IndicatorCounts.from(rs), number(rs, "avg_hours"), number(rs, "p90_hours"), number(rs, "supporters"));
    }

    /**
     * The library's formulas over one group's counts; rates are rounded to four places, hours and
     * supporters to two. Satisfaction counts every evaluation: the final ratings and, as dissatisfied,
     * each rework (a dissatisfied rating sends the case back and is not kept on it).
     */
    static IndicatorValues of(IndicatorCounts c, Double avgHours, Double p90Hours, Double supportersPerCase) {
        return new IndicatorValues(c.received(), rate(c.signedInTime(), c.dispatched()),
                rate(c.closedInTime(), c.closedWithDeadline()), rate(c.solved(), c.closed()),
                rate(c.satisfied(), c.rated() + c.reworks()), rate(c.rated(), c.rated() + c.noResponse()),
                rate(c.reworked(), c.closed()), rate(c.returned(), c.dispatched()),
                c.supervisions(), c.open(), c.overdue(), round(avgHours), round(p90Hours), round(supportersPerCase),
                rate(c.answered(), c.received()), rate(c.extended(), c.dispatched()),
                rate(c.closedInOriginalTime(), c.closedWithDeadline()), c.deferred(),
                rate(c.everDeferred(), c.dispatched()));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    static IndicatorValues empty() {
        return new IndicatorValues(0, null, null, null, null, null, null, null, 0, 0, 0, null, null, null);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    /** By indicator code, in the library's order. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receivedCount", receivedCount);
        m.put("responseRate", responseRate);
        m.put("onTimeRate", onTimeRate);
        m.put("resolutionRate", resolutionRate);
        m.put("satisfactionRate", satisfactionRate);
        m.put("feedbackRate", feedbackRate);
        m.put("reworkRate", reworkRate);
        m.put("returnRate", returnRate);
        m.put("supervisionCount", supervisionCount);
        m.put("openCount", openCount);
        m.put("overdueCount", overdueCount);
        m.put("avgResolutionHours", avgResolutionHours);
        m.put("p90ResolutionHours", p90ResolutionHours);
        m.put("supportersPerCase", supportersPerCase);
        m.put("directAnswerRate", directAnswerRate);
        m.put("extensionRate", extensionRate);
        m.put("onTimeOriginalRate", onTimeOriginalRate);
        m.put("deferredCount", deferredCount);
        m.put("deferralRate", deferralRate);
        return m;
    }
}
