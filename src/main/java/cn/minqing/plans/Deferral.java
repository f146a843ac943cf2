package cn.minqing.plans;

import java.time.OffsetDateTime;

/** A case deferred to a work plan (挂账): until when, why, by whom; {@code endedAt} once it came back. */
record Deferral(long id, String caseNumber, long plan, String planTitle, boolean planPublic, OffsetDateTime until,
                String reason, String deferredBy, OffsetDateTime deferredAt, OffsetDateTime endedAt) {
}
