package cn.minqing.plans;

/**
 * A case was linked to a work plan (by hand or by the plan's scope); published inside the linking's transaction.
 * Only a public plan is something the reporter may be told about.
 */
public record CaseLinkedToPlan(String caseNumber, long planId, String planTitle, boolean planIsPublic) {
}
