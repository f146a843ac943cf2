package cn.minqing.households;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A household (户) as stored: its village and grid, head (户主, with an account or not), members, tags, phone,
 * place, who serves it (网格员 and 联户党员), and its visit schedule: {@code intervalDays} is the shortest
 * interval of its tags, {@code lastVisitAt} its latest visit.
 */
public record Household(long id, String code, String villageCode, String villageName, String gridCode, String address,
                        String headName, String headAccount, int members, String phone, Double lat, Double lon,
                        String gridMember, String gridMemberName, String partyMember, String partyMemberName,
                        boolean active, OffsetDateTime createdAt, List<String> tags, int intervalDays,
                        OffsetDateTime lastVisitAt) {

    /** Untagged households are visited at least once a quarter. */
    public static final int DEFAULT_INTERVAL_DAYS = 90;

    /** When the next visit is due: the interval after the last visit, or after the household was recorded. */
    public OffsetDateTime nextVisitDue() {
        return (lastVisitAt != null ? lastVisitAt : createdAt).plusDays(intervalDays);
    }

    /** Whether this person visits the household: its grid member or its party member. */
    public boolean isServedBy(String username) {
        return username.equals(gridMember) || username.equals(partyMember);
    }
}
