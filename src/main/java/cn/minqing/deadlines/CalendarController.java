package cn.minqing.deadlines;

import cn.minqing.people.Principal;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holidays and make-up working days (调休) by year, for admins (/api/admin/** is admin-only). Entering,
 * replacing or removing a year moves the deadlines of open cases that run through it.
 */
@RestController
class CalendarController {

    record Overview(List<KnownYear> years, CalendarCoverage coverage) {
    }

    private final Calendars calendars;
    private final CalendarHealth health;
    private final AuditLog audit;

    CalendarController(Calendars calendars, CalendarHealth health, AuditLog audit) {
        this.calendars = calendars;
        this.health = health;
        this.audit = audit;
    }

    /** Without a year: the entered years and what is missing. With one: its days. */
    @GetMapping(value = "/api/admin/calendar", params = "!year")
    Overview overview() {
        return new Overview(calendars.years(), health.coverage());
    }

    @GetMapping(value = "/api/admin/calendar", params = "year")
    List<CalendarDay> year(@RequestParam int year) {
        return calendars.days(year).orElseThrow(() -> ApiException.notFound("calendar.year.notEntered", String.valueOf(year)));
    }

    /** Enters or replaces the whole year: [{date, kind: holiday|workday, name}]. */
    @PutMapping("/api/admin/calendar/{year}")
    List<CalendarDay> replace(@AuthenticationPrincipal Principal me, @PathVariable int year,
                              @RequestBody List<CalendarEntry> entries) {
        List<CalendarDay> days = CalendarEntries.check(year, entries);
        calendars.replace(year, days, me.getUsername());
        audit.record(me.getUsername(), "calendar.replaced", String.valueOf(year), days.size() + " days");
        return year(year);
    }

    /** Removes a wrongly entered year: it is "not entered" again (and warned about when it matters). */
    @DeleteMapping("/api/admin/calendar/{year}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Principal me, @PathVariable int year) {
        CalendarEntries.checkYear(year);
        if (!calendars.remove(year)) {
            throw ApiException.notFound("calendar.year.notEntered", String.valueOf(year));
        }
        audit.record(me.getUsername(), "calendar.removed", String.valueOf(year), null);
        return ResponseEntity.noContent().build();
    }
}
