package cn.minqing.deadlines;

import cn.minqing.people.Principal;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page's calendar upload (/admin, element library): a year's CSV or XLSX in the shipped format
 * (date,kind,name; # comment lines allowed) replaces that year, checked like the API; the import report
 * names each refused row.
 */
@Controller
class CalendarPageController {

    private static final Pattern ENTRY = Pattern.compile("\\[(\\d+)]\\.?(.*)");

    private final Calendars calendars;
    private final AuditLog audit;
    private final MessageSource messages;

    CalendarPageController(Calendars calendars, AuditLog audit, MessageSource messages) {
        this.calendars = calendars;
        this.audit = audit;
        this.messages = messages;
    }

    @PostMapping("/admin/calendar")
    String upload(@AuthenticationPrincipal Principal me, @RequestParam(required = false) Integer year,
                  @RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        ImportReport.Builder report = new ImportReport.Builder();
        if (year == null || file == null || file.isEmpty()) {
            report.reject(new Table.Line(0, java.util.Map.of()), "file", messages.getMessage("calendar.file.required", null, locale));
            redirect.addFlashAttribute("report", report.build());
            return "redirect:/admin#calendar";
        }
        List<Table.Line> lines = Table.read(file.getOriginalFilename(), withoutComments(file.getBytes()));
        List<CalendarEntry> entries = lines.stream().map(l -> new CalendarEntry(l.get("date"), l.get("kind"), l.get("name"))).toList();
        try {
            List<CalendarDay> days = CalendarEntries.check(year, entries);
            calendars.replace(year, days, me.getUsername());
            audit.record(me.getUsername(), "calendar.replaced", String.valueOf(year), days.size() + " days (file)");
            days.forEach(d -> report.imported());
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                Matcher m = ENTRY.matcher(p.field());
                Table.Line line = m.matches() ? lines.get(Integer.parseInt(m.group(1))) : new Table.Line(0, java.util.Map.of());
                report.reject(line, m.matches() ? m.group(2) : p.field(),
                        messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
            }
        }
        redirect.addFlashAttribute("report", report.build());
        return "redirect:/admin#calendar";
    }

    /** The shipped files start with # comments; a CSV may keep them (an XLSX is left alone). */
    private static byte[] withoutComments(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
            return bytes;
        }
        return new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
    }
}
