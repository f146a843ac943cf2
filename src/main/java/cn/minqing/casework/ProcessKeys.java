package cn.minqing.casework;

/** Keys and variable names shared by the BPMN, the DMN tables and the code. */
public final class ProcessKeys {

    public static final String PROCESS = "grassroots-case";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String REPORTER = "reporter";
    public static final String CATEGORY = "category";
    public static final String TOWNSHIP = "townshipCode";
    public static final String VILLAGE_GROUP = "villageGroup";
    public static final String HANDLER_GROUP = "handlerGroup";
    public static final String HANDLER_ORG = "handlerOrg";
    public static final String DISPATCHER_GROUP = "dispatcherGroup";
    public static final String LEADER_GROUP = "leaderGroup";
    public static final String SUPERVISOR_GROUP = "supervisorGroup";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_NOTE = "outcomeNote";
    public static final String URGENCY = "urgency";
    public static final String ORGANISATION = "organisation";
    public static final String RETURNS = "returns";
    public static final String MUST_TAKE = "mustTake";
    public static final String NEEDS_APPROVAL = "needsApproval";
    public static final String VERDICT = "verdict";
    public static final String RATING = "rating";
    public static final String REWORK = "rework";
    public static final String ROUTING = "routing";
    public static final String DEADLINE_RULE = "deadlineRule";
    public static final String ACCEPT_DUE = "acceptDue";
    public static final String SIGN_DUE = "signDue";
    public static final String RESOLVE_DUE = "resolveDue";
    public static final String WARN_AT = "warnAt";
    public static final String FEEDBACK_WAIT = "feedbackWait";
    /** 电话回访: how long the county centre has to reach the villager before no-response is recorded. */
    public static final String CALL_BACK_WAIT = "callBackWait";
    public static final String EXTENSION_MESSAGE = "extension-requested";
    public static final String EXTENSION_UNTIL = "extensionUntil";
    public static final String EXTENSION_OUTCOME = "extensionOutcome";
    public static final String REARM_WARNING = "rearmWarning";
    public static final String SUSPENSION_MESSAGE = "suspension-requested";
    public static final String RESUME_MESSAGE = "case-resumed";
    public static final String SUSPEND_UNTIL = "suspendUntil";
    public static final String SUSPENSION_OUTCOME = "suspensionOutcome";

    /** 协办: how many co-organisations the plan names (0: none), the message that closes their handling. */
    public static final String CO_ORGANISATION_COUNT = "coOrganisationCount";
    public static final String CO_ORGANISATION = "coOrganisation";
    public static final String CO_HANDLING_CLOSED_MESSAGE = "co-handling-closed";
    /** 会签: the organisations that sign (codes, comma-separated), the one of a co-sign task, whether one refused. */
    public static final String COSIGNERS = "cosigners";
    public static final String COSIGNER = "cosigner";
    public static final String COSIGN_REFUSED = "cosignRefused";

    private ProcessKeys() {
    }
}
