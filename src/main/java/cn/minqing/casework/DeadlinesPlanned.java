package cn.minqing.casework;

import cn.minqing.cases.Cases;
import cn.minqing.deadlines.Calendars;
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
 * 派单: sets the case's urgency (given at 受理), handler (chosen by {@link RoutingApplied}) and deadlines from
 * processes/case-deadlines.dmn (see {@link DeadlinePlan}) in one update, with working days from the holidays in the
 * database. Uses the engine's clock, so timers and deadlines agree (and tests can
 * move time). When a year's holidays change later, {@link DeadlinesMoved} recounts them.
 */
@Component("deadlinesPlanned")
class DeadlinesPlanned implements ExecutionListener {

    private final Cases cases;
    private final Calendars calendars;
    private final ZoneId zone;

    DeadlinesPlanned(Cases cases, Calendars calendars, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.cases = cases;
        this.calendars = calendars;
        this.zone = ZoneId.of(zone);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateExecution execution) {
        Map<String, Object> rule = (Map<String, Object>) execution.getVariable(ProcessKeys.DEADLINE_RULE);
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        DeadlinePlan plan = DeadlinePlan.of(now, rule, calendars.current());
        execution.setVariable(ProcessKeys.SIGN_DUE, date(plan.signDue()));
        execution.setVariable(ProcessKeys.RESOLVE_DUE, date(plan.resolveDue()));
        execution.setVariable(ProcessKeys.WARN_AT, date(plan.warnAt()));
        // 派单: the urgency 受理 gave, the handler the routing table chose (RoutingApplied), the deadlines and 已派单 in
        // one update of the row (route and planDeadlines follow 受理 in its command in every version of the process)
        cases.dispatch((String) execution.getVariable(ProcessKeys.CASE_NUMBER),
                (String) execution.getVariable(ProcessKeys.HANDLER_ORG),
                (String) execution.getVariable(ProcessKeys.URGENCY),
                offset(plan.signDue()), offset(plan.resolveDue()), offset(plan.warnAt()));
    }

    private Date date(LocalDateTime t) {
        return Date.from(t.atZone(zone).toInstant());
    }

    private OffsetDateTime offset(LocalDateTime t) {
        return t.atZone(zone).toOffsetDateTime();
    }
}
