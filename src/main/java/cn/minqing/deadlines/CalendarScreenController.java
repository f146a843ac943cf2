package cn.minqing.deadlines;

import cn.minqing.people.Principal;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's holiday calendar screen (/admin/calendar): one year's holidays and make-up working days (调休),
 * a day added or removed at a time. Each change replaces the year as the API does (same checks, deadlines of
 * open cases move), and is audited.
 */
@Controller
class CalendarScreenController {

    private final Calendars calendars;
    private final CalendarHealth health;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ZoneId zone;

    CalendarScreenController(Calendars calendars, CalendarHealth health, AuditLog audit, MessageSource messages,
                             @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.calendars = calendars;
        this.health = health;
        this.audit = audit;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/calendar")
    String screen(@AuthenticationPrincipal Principal me, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(zone).getYear() : year;
        CalendarEntries.checkYear(shown);
        model.addAttribute("me", me.user());
        model.addAttribute("year", shown);
        List<KnownYear> years = calendars.years();
        model.addAttribute("years", years);
        model.addAttribute("knownYears", years.stream().map(KnownYear::year).toList());
        model.addAttribute("coverage", health.coverage());
        model.addAttribute("days", calendars.days(shown).orElse(null));
        return "admin/calendar";
    }

    @PostMapping("/admin/calendar/{year}/days")
    String add(@AuthenticationPrincipal Principal me, @PathVariable int year,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name, Locale locale,
               RedirectAttributes redirect) {
        List<CalendarEntry> entries = entries(year);
        entries.removeIf(e -> date != null && e.date().equals(date.toString()));
        entries.add(new CalendarEntry(date == null ? null : date.toString(), kind, name));
        return replace(me, year, entries, "已保存 " + date + " " + name, locale, redirect);
    }

    @PostMapping("/admin/calendar/{year}/days/{date}/remove")
    String remove(@AuthenticationPrincipal Principal me, @PathVariable int year,
                  @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Locale locale,
                  RedirectAttributes redirect) {
        List<CalendarEntry> entries = entries(year);
        entries.removeIf(e -> e.date().equals(date.toString()));
        return replace(me, year, entries, "已删除 " + date, locale, redirect);
    }

    private List<CalendarEntry> entries(int year) {
        List<CalendarEntry> entries = new ArrayList<>();
        calendars.days(year).orElse(List.of()).forEach(d -> entries.add(new CalendarEntry(d.date().toString(), d.kind(), d.name())));
        return entries;
    }

    private String replace(Principal me, int year, List<CalendarEntry> entries, String done, Locale locale,
                           RedirectAttributes redirect) {
        try {
            List<CalendarDay> days = CalendarEntries.check(year, entries);
            calendars.replace(year, days, me.getUsername());
            audit.record(me.getUsername(), "calendar.replaced", String.valueOf(year), days.size() + " days (screen): " + done);
            redirect.addFlashAttribute("done", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).toList());
        }
        return "redirect:/admin/calendar?year=" + year;
    }
}
