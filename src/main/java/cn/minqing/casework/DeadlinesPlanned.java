package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.deadlines.WorkCalendar;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sets the case's deadlines from processes/case-deadlines.dmn: sign-for within hours, resolve within
 * hours or working days (China's calendar with 调休), yellow warning at 75% of the time allowed.
 * Uses the engine's clock, so timers and deadlines agree (and tests can move time).
 */
@Component("deadlinesPlanned")
class DeadlinesPlanned implements ExecutionListener {

    private final Cases cases;
    private final WorkCalendar calendar;
    private final ZoneId zone;

    DeadlinesPlanned(Cases cases, WorkCalendar calendar, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.cases = cases;
        this.calendar = calendar;
        this.zone = ZoneId.of(zone);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        Map<String, Object> rule = (Map<String, Object>) execution.getVariable(ProcessKeys.DEADLINE_RULE);
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        LocalDateTime signDue = now.plusHours(number(rule.get("signHours")));
        long hours = number(rule.get("resolveHours"));
        LocalDateTime resolveDue = hours > 0 ? now.plusHours(hours)
                : calendar.plusWorkingDays(now, (int) number(rule.get("resolveWorkingDays")));
        LocalDateTime warnAt = now.plus(Duration.between(now, resolveDue).multipliedBy(3).dividedBy(4));
        execution.setVariable(ProcessKeys.SIGN_DUE, date(signDue));
        execution.setVariable(ProcessKeys.RESOLVE_DUE, date(resolveDue));
        execution.setVariable(ProcessKeys.WARN_AT, date(warnAt));
        cases.setDeadlines((String) execution.getVariable(ProcessKeys.CASE_NUMBER),
                offset(signDue), offset(resolveDue), offset(warnAt));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Date date(LocalDateTime t) {
        return Date.from(t.atZone(zone).toInstant());
    }

    private OffsetDateTime offset(LocalDateTime t) {
        return t.atZone(zone).toOffsetDateTime();
    }
}
