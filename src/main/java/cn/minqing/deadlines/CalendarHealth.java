package cn.minqing.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The "calendar" part of /actuator/health: which years are entered and which are missing. It stays UP
 * (a load balancer must not drop an instance over a holiday table); details.status says OK,
 * MISSING_NEXT_YEAR (from 1 November) or MISSING_CURRENT_YEAR (a year known only by its statutory holidays is
 * still missing, and listed in provisionalYears), and a missing year is also logged as a
 * WARN on start. "Today" comes from the app's Clock.
 */
@Component("calendar")
public class CalendarHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CalendarHealth.class);

    private final Calendars calendars;
    private final Clock clock;

    CalendarHealth(Calendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    public CalendarCoverage coverage() {
        List<KnownYear> years = calendars.years();
        return CalendarCoverage.of(years.stream().filter(y -> !y.provisional()).map(KnownYear::year).toList(),
                years.stream().filter(KnownYear::provisional).map(KnownYear::year).toList(), LocalDate.now(clock));
    }

    @Override
    public Health health() {
        CalendarCoverage c = coverage();
        return Health.up().withDetail("status", c.status()).withDetail("missingYears", c.missingYears())
                .withDetail("knownYears", c.knownYears()).withDetail("provisionalYears", c.provisionalYears()).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnOnStart() {
        CalendarCoverage c = coverage();
        if (!c.complete()) {
            log.warn("Holiday calendar {}: years {} not entered; deadlines there count only weekends{} as days off. "
                    + "Enter them on the admin page (/admin) or with PUT /api/admin/calendar/{year}.", c.status(), c.missingYears(),
                    c.provisionalYears().isEmpty() ? "" : " and, for " + c.provisionalYears() + ", the statutory holidays");
        }
    }
}
