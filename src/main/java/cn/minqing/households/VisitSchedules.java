package cn.minqing.households;

import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 走访周期: an admin sets how often households with a tag are visited, in calendar days or in working days of the
 * county's calendar. Every household's next visit, its yellow and red flags and the on-schedule figure follow at
 * once (they are computed when read, by SQL {@code household_schedule}).
 */
@Service
public class VisitSchedules {

    /** Longest interval an admin may set: a year. */
    static final int MAX_DAYS = 366;

    private final HouseholdTags tags;
    private final AuditLog audit;

    VisitSchedules(HouseholdTags tags, AuditLog audit) {
        this.tags = tags;
        this.audit = audit;
    }

    /** What an admin sends: the interval and its unit. */
    public record Schedule(Integer visitIntervalDays, String intervalUnit) {
    }

    @Transactional
    public HouseholdTag change(String code, Schedule s, CurrentUser me) {
        HouseholdTag tag = tags.find(code).filter(t -> t.code().equals(code))
                .orElseThrow(() -> ApiException.notFound("household.tag.notFound", code));
        List<FieldProblem> problems = new ArrayList<>();
        if (s == null || s.visitIntervalDays() == null || s.visitIntervalDays() < 1 || s.visitIntervalDays() > MAX_DAYS) {
            problems.add(new FieldProblem("visitIntervalDays", "household.tag.interval", MAX_DAYS));
        }
        if (s == null || !HouseholdTag.isUnit(s.intervalUnit())) {
            problems.add(new FieldProblem("intervalUnit", "household.tag.unit"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        tags.setSchedule(tag.code(), s.visitIntervalDays(), s.intervalUnit());
        audit.record(me.username(), "household.tag.schedule", "household-tag:" + tag.code(),
                tag.visitIntervalDays() + " " + tag.intervalUnit() + " → " + s.visitIntervalDays() + " " + s.intervalUnit());
        return tags.find(code).orElseThrow();
    }
}
