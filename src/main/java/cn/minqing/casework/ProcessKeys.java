package cn.minqing.casework;

/** Keys and variable names shared by the BPMN and the code. */
public final class ProcessKeys {

    public static final String PROCESS = "grassroots-case";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String VILLAGE_GROUP = "villageGroup";
    public static final String HANDLER_GROUP = "handlerGroup";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_NOTE = "outcomeNote";

    private ProcessKeys() {
    }
}
