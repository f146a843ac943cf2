package cn.minqing.library;

import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.RegionImport;
import cn.minqing.deadlines.CalendarHealth;
import cn.minqing.deadlines.Calendars;
import cn.minqing.county.Regions;
import cn.minqing.people.PeopleImport;
import cn.minqing.people.Principal;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's element library (要素库): regions, organisations and people, and the holiday calendar's years — list, add or edit (same
 * code), deactivate, and import from CSV or XLSX with a report of refused rows. Admins only.
 */
@Controller
class ElementLibraryController {

    private final Regions regions;
    private final Organisations organisations;
    private final UserAccounts accounts;
    private final RegionImport regionImport;
    private final PeopleImport peopleImport;
    private final AuditLog audit;
    private final Calendars calendars;
    private final CalendarHealth calendarHealth;

    ElementLibraryController(Regions regions, Organisations organisations, UserAccounts accounts,
                             RegionImport regionImport, PeopleImport peopleImport, AuditLog audit,
                             Calendars calendars, CalendarHealth calendarHealth) {
        this.regions = regions;
        this.organisations = organisations;
        this.accounts = accounts;
        this.regionImport = regionImport;
        this.peopleImport = peopleImport;
        this.audit = audit;
        this.calendars = calendars;
        this.calendarHealth = calendarHealth;
    }

    @GetMapping("/admin")
    String library(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("regions", regions.all());
        model.addAttribute("inactiveRegions", regions.inactiveCodes());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("inactiveOrganisations", organisations.inactiveCodes());
        model.addAttribute("people", accounts.list(q, 200));
        model.addAttribute("q", q);
        model.addAttribute("calendarYears", calendars.years());
        model.addAttribute("calendarCoverage", calendarHealth.coverage());
        return "admin/library";
    }

    /** One region, checked by the same rules as an imported row. */
    @PostMapping("/admin/regions")
    String saveRegion(@AuthenticationPrincipal Principal me, @RequestParam java.util.Map<String, String> form,
                      RedirectAttributes redirect) {
        java.util.Map<String, String> cells = new java.util.HashMap<>();
        cells.put("code", form.get("code"));
        cells.put("name", form.get("name"));
        cells.put("level", form.get("level"));
        cells.put("parent_code", form.get("parentCode"));
        cells.put("lat", form.get("lat"));
        cells.put("lon", form.get("lon"));
        redirect.addFlashAttribute("report", regionImport.importRows(List.of(new Table.Line(1, cells)), me.getUsername()));
        return "redirect:/admin";
    }

    @PostMapping("/admin/organisations")
    String saveOrganisation(@AuthenticationPrincipal Principal me, @RequestParam String code, @RequestParam String name,
                            @RequestParam String kind, @RequestParam String regionCode,
                            @RequestParam(defaultValue = "") String categories) {
        List<String> cats = Arrays.stream(categories.split("[,，\\s]+")).filter(c -> !c.isBlank()).toList();
        organisations.save(new Organisation(code, name, kind, regionCode, cats));
        audit.record(me.getUsername(), "organisation.saved", code, name);
        return "redirect:/admin";
    }

    @PostMapping("/admin/{type}/{code}/active")
    String setActive(@AuthenticationPrincipal Principal me, @PathVariable String type, @PathVariable String code,
                     @RequestParam boolean active) {
        switch (type) {
            case "regions" -> regions.setActive(code, active);
            case "organisations" -> organisations.setActive(code, active);
            case "people" -> accounts.setEnabled(code, active);
            default -> throw new IllegalArgumentException(type);
        }
        audit.record(me.getUsername(), type + (active ? ".activated" : ".deactivated"), code, null);
        return "redirect:/admin";
    }

    @PostMapping("/admin/import/{type}")
    String importFile(@AuthenticationPrincipal Principal me, @PathVariable String type,
                      @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        List<Table.Line> lines = Table.read(file.getOriginalFilename(), file.getBytes());
        ImportReport report = type.equals("people") ? peopleImport.importRows(lines, me.getUsername())
                : regionImport.importRows(lines, me.getUsername());
        redirect.addFlashAttribute("report", report);
        return "redirect:/admin";
    }
}
