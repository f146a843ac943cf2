package cn.minqing.households;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A household as one person may see it: {@code phone} only for those who serve it; {@code visits} and
 * {@code cases} only on the household's own page. {@code visitIntervalUnit} is {@code calendar-days} or
 * {@code working-days}; the schedule counts from {@code scheduleStart} (the last visit, or when it was recorded).
 */
public record HouseholdView(long id, String code, String villageCode, String villageName, String gridCode,
                            String address, String headName, int members, List<String> tags,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String phone, Double lat, Double lon,
                            String gridMember, String gridMemberName, String partyMember, String partyMemberName,
                            boolean active, int visitIntervalDays, String visitIntervalUnit,
                            OffsetDateTime scheduleStart, OffsetDateTime lastVisitAt,
                            OffsetDateTime nextVisitDue, boolean visitOverdue,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<?> visits,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<?> cases) {

    static HouseholdView of(Household h, boolean withPhone, OffsetDateTime now, List<?> visits, List<?> cases) {
        return new HouseholdView(h.id(), h.code(), h.villageCode(), h.villageName(), h.gridCode(), h.address(),
                h.headName(), h.members(), h.tags(), withPhone ? h.phone() : null, h.lat(), h.lon(), h.gridMember(),
                h.gridMemberName(), h.partyMember(), h.partyMemberName(), h.active(), h.intervalDays(),
                h.intervalUnit(), h.scheduleStart(), h.lastVisitAt(), h.nextVisitDue(), h.active() && h.nextVisitDue().isBefore(now), visits, cases);
    }
}
