package cn.minqing.plans;

/** 挂账 {plan, until, reason}: the plan's id, the planned date (a date, or an ISO date-time) and why. */
record DeferralRequest(Long plan, String until, String reason) {
}
