package cn.minqing.deadlines;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, every shipped year (calendar/cn-YYYY.csv) that the database does not know yet is added, and a year
 * without a notice gets its statutory holidays (cn-YYYY-statutory.csv) until the notice comes. Idempotent, safe
 * with several instances starting at once, and a year an admin entered is never touched.
 */
@Component
class CalendarSeeding {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeding.class);

    private final Calendars calendars;

    CalendarSeeding(Calendars calendars) {
        this.calendars = calendars;
    }

    @Order(0)
    @EventListener(ApplicationStartedEvent.class)
    void seed() {
        for (Map.Entry<Integer, List<CalendarDay>> year : CalendarFiles.shipped().entrySet()) {
            if (calendars.seed(year.getKey(), year.getValue())) {
                log.info("Calendar {} loaded from calendar/cn-{}.csv ({} days)", year.getKey(), year.getKey(), year.getValue().size());
            }
        }
        for (Map.Entry<Integer, List<CalendarDay>> year : CalendarFiles.statutoryOnly().entrySet()) {
            if (calendars.seedStatutory(year.getKey(), year.getValue())) {
                log.info("Calendar {}: its statutory holidays loaded from calendar/cn-{}-statutory.csv ({} days) until the "
                        + "State Council's notice is entered", year.getKey(), year.getKey(), year.getValue().size());
            }
        }
    }
}
