package cn.minqing.visits;

import cn.minqing.cases.CaseClock;
import cn.minqing.households.HouseholdFiles;
import cn.minqing.households.HouseholdView;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The visits a person owes (走访提醒): their own households whose next visit is near or past, most overdue first.
 * Yellow once 75% of the time from the last visit to the next one due is gone, as a case's warning; the due time is
 * counted in the tag's unit (working days over the county's calendar, or calendar days), so a working-day schedule
 * turns yellow and red later over a holiday. {@code daysOverdue} counts calendar days past it.
 */
@Component("dueVisits")
public class DueVisits {

    private final HouseholdFiles households;

    DueVisits(HouseholdFiles households) {
        this.households = households;
    }

    /** For the task list; empty for those who serve no household. */
    public List<DueVisit> of(CurrentUser me) {
        if (!me.is(Role.CADRE) && !me.is(Role.PARTY_MEMBER)) {
            return List.of();
        }
        OffsetDateTime now = CaseClock.now();
        return households.list(new HouseholdFiles.Filter(null, null, true, false), me).stream()
                .map(h -> due(h, now)).filter(d -> d != null)
                .sorted(Comparator.comparing(DueVisit::due)).toList();
    }

    private static DueVisit due(HouseholdView h, OffsetDateTime now) {
        OffsetDateTime from = h.scheduleStart();
        OffsetDateTime yellowAt = from.plus(Duration.between(from, h.nextVisitDue()).multipliedBy(3).dividedBy(4));
        if (now.isBefore(yellowAt)) {
            return null;
        }
        boolean red = now.isAfter(h.nextVisitDue());
        long days = red ? Duration.between(h.nextVisitDue(), now).toDays() : 0;
        return new DueVisit(h.id(), h.headName(), h.villageName(), h.address(), h.tags(), h.visitIntervalDays(),
                h.visitIntervalUnit(), h.lastVisitAt(), h.nextVisitDue(), red ? "red" : "yellow", days);
    }
}
