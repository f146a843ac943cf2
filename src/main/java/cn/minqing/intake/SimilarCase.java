package cn.minqing.intake;

import java.time.OffsetDateTime;

/** An open case as shown to neighbours who may have the same problem: no reporter, no description. */
public record SimilarCase(String number, String title, String category, String villageCode, String status,
                          int supporters, OffsetDateTime createdAt) {
}
