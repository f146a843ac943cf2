package cn.minqing.cases;

import java.time.OffsetDateTime;

/** One step in a case's life: who, when, what, and their note. */
public record TimelineEntry(OffsetDateTime at, String actor, String kind, String stage, String note) {
}
