package cn.minqing.plans;

/** The body of POST /api/plans/{id}/cases (and of DELETE): which case, and why it is linked or unlinked. */
record LinkRequest(String number, String reason) {
}
