package cn.minqing.cases;

import java.time.OffsetDateTime;

/**
 * A villager's problem as stored: the source of truth for the process and the search index.
 * {@code version} rises with every change (a database trigger), so the index can refuse older states.
 * {@code channel} says where it came from ({@code app}, or {@code visit} with the {@code visitId} of 民情走访).
 */
public record CaseRecord(long id, String number, String title, String description, String categoryCode,
                         String villageCode, String reporter, boolean anonymous, Double lat, Double lon,
                         String address, CaseStatus status, String urgency, String handlingOrg,
                         String outcomeNote, String processInstanceId, int supporters,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
                         Handling handling, long version, String channel, Long visitId) {

    /** Overdue while open past its deadline, or closed after it. */
    public boolean isOverdue() {
        OffsetDateTime due = handling.resolveDue();
        OffsetDateTime end = closedAt != null ? closedAt : OffsetDateTime.now();
        return due != null && end.isAfter(due);
    }

    /**
     * Deadlines and the counts of casework: returns (退单), rework (重办), supervision (督办), rating (回访);
     * approved extensions (延期) and the resolve deadline before the first of them (the resolve deadline when never
     * extended); hours the clock stood still while suspended (挂起) and since when it stands still now (null when
     * it runs); until when it is deferred to a work plan (挂账; null when not) and how many times it was.
     */
    public record Handling(OffsetDateTime signDue, OffsetDateTime resolveDue, OffsetDateTime warnAt,
                           String deadlineLevel, OffsetDateTime signedAt, int returns, int reworks,
                           int supervisions, java.math.BigDecimal estimatedCost, String rating,
                           String ratingComment, OffsetDateTime ratedAt, OffsetDateTime resolveDueOriginal,
                           int extensions, double suspendedHours, OffsetDateTime suspendedSince,
                           String ratedBy, OffsetDateTime deferredUntil, int deferrals,
                           java.util.List<CoOrganisation> coOrganisations) {

        /** Before joint handling (协办): no co-organisations. */
        public Handling(OffsetDateTime signDue, OffsetDateTime resolveDue, OffsetDateTime warnAt,
                        String deadlineLevel, OffsetDateTime signedAt, int returns, int reworks,
                        int supervisions, java.math.BigDecimal estimatedCost, String rating,
                        String ratingComment, OffsetDateTime ratedAt, OffsetDateTime resolveDueOriginal,
                        int extensions, double suspendedHours, OffsetDateTime suspendedSince, String ratedBy,
                        OffsetDateTime deferredUntil, int deferrals) {
            this(signDue, resolveDue, warnAt, deadlineLevel, signedAt, returns, reworks, supervisions, estimatedCost,
                    rating, ratingComment, ratedAt, resolveDueOriginal, extensions, suspendedHours, suspendedSince,
                    ratedBy, deferredUntil, deferrals, java.util.List.of());
        }

        /** Before 挂账 and joint handling. */
        public Handling(OffsetDateTime signDue, OffsetDateTime resolveDue, OffsetDateTime warnAt,
                        String deadlineLevel, OffsetDateTime signedAt, int returns, int reworks,
                        int supervisions, java.math.BigDecimal estimatedCost, String rating,
                        String ratingComment, OffsetDateTime ratedAt, OffsetDateTime resolveDueOriginal,
                        int extensions, double suspendedHours, OffsetDateTime suspendedSince, String ratedBy) {
            this(signDue, resolveDue, warnAt, deadlineLevel, signedAt, returns, reworks, supervisions, estimatedCost,
                    rating, ratingComment, ratedAt, resolveDueOriginal, extensions, suspendedHours, suspendedSince,
                    ratedBy, null, 0, java.util.List.of());
        }
    }
}
