package cn.minqing.casework;

/** Filters of the task list; null means any. {@code mine}: only tasks assigned to me. */
public record TaskFilter(String stage, String caseNumber, String category, String village, String urgency,
                         Boolean overdue, Boolean mine, int size, int from) {

    public static TaskFilter all() {
        return new TaskFilter(null, null, null, null, null, null, null, 100, 0);
    }

    public static TaskFilter ofCase(String caseNumber) {
        return new TaskFilter(null, caseNumber, null, null, null, null, null, 100, 0);
    }
}
