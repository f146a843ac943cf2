package cn.minqing.cases;

/** A case moved to another status; published inside the change's transaction. */
public record CaseStatusChanged(String caseNumber, CaseStatus status) {
}
