package cn.minqing.plans;

import java.time.OffsetDateTime;

/**
 * A case was deferred to a work plan (挂账, {@code deferred} true, with the planned date) or came back (false);
 * published inside the change's transaction. {@code publicPlanTitle} is the plan's title only when the plan is public
 * (what the villager may be told), else null.
 */
public record CaseDeferralChanged(String caseNumber, boolean deferred, String publicPlanTitle, OffsetDateTime until) {
}
