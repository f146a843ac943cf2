package cn.minqing.households;

/** A tag on a household (低保户, 独居老人 …) and how often a household with it is visited, in days. */
public record HouseholdTag(String code, String name, int visitIntervalDays) {
}
