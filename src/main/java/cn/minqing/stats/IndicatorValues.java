package cn.minqing.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The indicators of one group and period; a rate is null when nothing is there to divide by. */
public record IndicatorValues(long receivedCount, Double responseRate, Double onTimeRate, Double resolutionRate,
                       Double satisfactionRate, Double feedbackRate, Double reworkRate, Double returnRate,
                       long supervisionCount, long openCount, long overdueCount, Double avgResolutionHours,
                       Double p90ResolutionHours, Double supportersPerCase) {

    static IndicatorValues from(ResultSet rs) throws SQLException {
        long closed = rs.getLong("closed");
        long rated = rs.getLong("rated");
        long dispatched = rs.getLong("dispatched");
        return new IndicatorValues(rs.getLong("received_count"),
                rate(rs.getLong("signed_in_time"), dispatched),
                rate(rs.getLong("closed_in_time"), rs.getLong("closed_with_deadline")),
                rate(rs.getLong("solved"), closed),
                rate(rs.getLong("satisfied"), rated),
                rate(rated, rated + rs.getLong("no_response")),
                rate(rs.getLong("reworked"), closed),
                rate(rs.getLong("returned"), dispatched),
                rs.getLong("supervisions"), rs.getLong("open_count"), rs.getLong("overdue_count"),
                round(number(rs, "avg_hours")), round(number(rs, "p90_hours")), round(number(rs, "supporters")));
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
        return m;
    }
}
