package cn.minqing.plans;

import cn.minqing.deadlines.Calendars;
import cn.minqing.deadlines.WorkCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a milestone's timers in processes/work-plan.bpmn fire, from its due day on the working-day calendar: the
 * report is due at the end of the due day, the yellow flag at the start of the working day two working days
 * before, the red flag and 督办 once the due day is over. Public, with {@code Object} parameters, because the
 * engine's expression language calls it by reflection with the process variables as they are stored.
 */
@Component("planTimers")
public class PlanTimers {

    static final int WARN_WORKING_DAYS = 2;

    private final Plans plans;
    private final Calendars calendars;
    private final ZoneId zone;

    PlanTimers(Plans plans, Calendars calendars, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.plans = plans;
        this.calendars = calendars;
        this.zone = ZoneId.of(zone);
    }

    public Date dueAt(Object planId, Object milestone) {
        return at(due(planId, milestone).atTime(18, 0));
    }

    public Date overdueAt(Object planId, Object milestone) {
        return at(due(planId, milestone).plusDays(1).atStartOfDay());
    }

    public Date warnAt(Object planId, Object milestone) {
        LocalDate due = due(planId, milestone);
        WorkCalendar calendar = calendars.current();
        LocalDate day = due;
        int left = WARN_WORKING_DAYS;
        while (left > 0) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return at(day.atStartOfDay());
    }

    private LocalDate due(Object planId, Object milestone) {
        return plans.milestone(((Number) planId).longValue(), ((Number) milestone).intValue()).orElseThrow().due();
    }

    private Date at(java.time.LocalDateTime local) {
        return Date.from(local.atZone(zone).toInstant());
    }
}
