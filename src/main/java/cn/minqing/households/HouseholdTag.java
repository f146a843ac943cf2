package cn.minqing.households;

/**
 * A tag on a household (低保户, 独居老人 …) and how often a household with it is visited: every
 * {@code visitIntervalDays} calendar days ({@code calendar-days}) or working days of the county's calendar
 * ({@code working-days}).
 */
public record HouseholdTag(String code, String name, int visitIntervalDays, String intervalUnit) {

    public static final String CALENDAR_DAYS = "calendar-days";
    public static final String WORKING_DAYS = "working-days";

    static boolean isUnit(String unit) {
        return CALENDAR_DAYS.equals(unit) || WORKING_DAYS.equals(unit);
    }
}
