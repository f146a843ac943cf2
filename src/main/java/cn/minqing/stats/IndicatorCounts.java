package cn.minqing.stats;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The counts every rate is made of, for one group and period. PostgreSQL and Elasticsearch each
 * produce these; {@link IndicatorValues#of} turns them into the indicators, so both sides share one
 * set of formulas. {@code rated} counts the final ratings (satisfied, basically, dissatisfied);
 * {@code reworks} how many times the cases were sent back for rework (重办), each a dissatisfied
 * evaluation that the case no longer carries (the process erases the rating when it reopens a case);
 * {@code answered} the cases answered directly at intake (直接答复), never counted as solved or closed;
 * {@code extended} the cases with an approved extension (延期), {@code closedInOriginalTime} those closed by the
 * deadline they had before any extension; {@code deferred} the cases deferred to a work plan now (挂账: counted apart
 * from solved and unsolvable, which they are not), {@code everDeferred} those deferred at least once.
 */
record IndicatorCounts(long received, long dispatched, long signedInTime, long closed, long closedInTime,
                       long closedWithDeadline, long solved, long satisfied, long rated, long noResponse,
                       long reworked, long returned, long supervisions, long open, long overdue, long reworks,
                       long answered, long extended, long closedInOriginalTime, long deferred,
                       long everDeferred) {

    static IndicatorCounts from(ResultSet rs) throws SQLException {
        return new IndicatorCounts(rs.getLong("received_count"), rs.getLong("dispatched"), rs.getLong("signed_in_time"),
                rs.getLong("closed"), rs.getLong("closed_in_time"), rs.getLong("closed_with_deadline"),
                rs.getLong("solved"), rs.getLong("satisfied"), rs.getLong("rated"), rs.getLong("no_response"),
                rs.getLong("reworked"), rs.getLong("returned"), rs.getLong("supervisions"), rs.getLong("open_count"),
                rs.getLong("overdue_count"), rs.getLong("reworks"), rs.getLong("answered"),
                rs.getLong("extended"), rs.getLong("closed_in_original_time"),
                rs.getLong("deferred"), rs.getLong("ever_deferred"));
    }
}
