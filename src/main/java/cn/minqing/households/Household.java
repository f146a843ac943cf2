package cn.minqing.households;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A household (户) as stored: its village and grid, head (户主, with an account or not), members, tags, phone,
 * place, who serves it (网格员 and 联户党员), and its visit schedule: of its tags the one whose next visit comes
 * first gives {@code intervalDays} and {@code intervalUnit} (calendar or working days); {@code nextVisitDue} is that
 * interval after {@code lastVisitAt}, or after the household was recorded (SQL {@code household_schedule}).
 */
public record Household(long id, String code, String villageCode, String villageName, String gridCode, String address,
                        String headName, String headAccount, int members, String phone, Double lat, Double lon,
                        String gridMember, String gridMemberName, String partyMember, String partyMemberName,
                        boolean active, OffsetDateTime createdAt, List<String> tags, int intervalDays,
                        String intervalUnit, OffsetDateTime lastVisitAt, OffsetDateTime nextVisitDue) {

    /** Untagged households are visited at least once a quarter (also in SQL {@code household_schedule}). */
    public static final int DEFAULT_INTERVAL_DAYS = 90;

    /** Where the schedule counts from: the last visit, or when the household was recorded. */
    public OffsetDateTime scheduleStart() {
        return lastVisitAt != null ? lastVisitAt : createdAt;
    }

    /** Whether this person visits the household: its grid member or its party member. */
    public boolean isServedBy(String username) {
        return username.equals(gridMember) || username.equals(partyMember);
    }
}
