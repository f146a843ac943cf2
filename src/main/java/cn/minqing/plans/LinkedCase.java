package cn.minqing.plans;

import java.time.OffsetDateTime;

/** A case linked to a plan, as GET /api/plans/{id}/cases lists it: never who reported it. */
record LinkedCase(String number, String title, String status, String statusName, String category,
                  String categoryName, String villageCode, OffsetDateTime createdAt, String how, String reason,
                  OffsetDateTime linkedAt) {
}
