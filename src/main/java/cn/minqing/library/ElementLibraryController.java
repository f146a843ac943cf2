package cn.minqing.library;

import cn.minqing.county.Categories;
import cn.minqing.county.Organisation;
import cn.minqing.county.OrganisationAdministration;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.RegionImport;
import cn.minqing.county.Regions;
import cn.minqing.deadlines.CalendarHealth;
import cn.minqing.deadlines.Calendars;
import cn.minqing.people.PeopleImport;
import cn.minqing.people.Principal;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The admin's element library (要素库): regions and organisations — list, add or edit (parent region, region
 * and categories chosen by name), 停用 after seeing the cases it touches — the calendar's years, and imports
 * from CSV or XLSX with a report of refused rows. Admins only.
 */
@Controller
class ElementLibraryController {

    static final List<String> LEVELS = List.of("county", "township", "village", "grid");

    private final Regions regions;
    private final Organisations organisations;
    private final OrganisationAdministration organisationAdministration;
    private final Categories categories;
    private final UserAccounts accounts;
    private final RegionImport regionImport;
    private final PeopleImport peopleImport;
    private final AuditLog audit;
    private final Calendars calendars;
    private final CalendarHealth calendarHealth;
    private final DeactivationImpact impact;
    private final ElementSwitch elements;
    private final AdminMessages messages;

    ElementLibraryController(Regions regions, Organisations organisations, OrganisationAdministration organisationAdministration,
                             Categories categories, UserAccounts accounts, RegionImport regionImport, PeopleImport peopleImport,
                             AuditLog audit, Calendars calendars, CalendarHealth calendarHealth, DeactivationImpact impact,
                             ElementSwitch elements, AdminMessages messages) {
        this.regions = regions;
        this.organisations = organisations;
        this.organisationAdministration = organisationAdministration;
        this.categories = categories;
        this.accounts = accounts;
        this.regionImport = regionImport;
        this.peopleImport = peopleImport;
        this.audit = audit;
        this.calendars = calendars;
        this.calendarHealth = calendarHealth;
        this.impact = impact;
        this.elements = elements;
        this.messages = messages;
    }

    @GetMapping("/admin")
    String library(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                   @RequestParam(required = false) String org, Model model) {
        List<Region> all = regions.all();
        Map<String, String> regionNames = new HashMap<>();
        all.forEach(r -> regionNames.put(r.code(), r.name()));
        model.addAttribute("me", me.user());
        model.addAttribute("regions", all);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("parents", all.stream().filter(r -> !r.level().equals("grid")).toList());
        model.addAttribute("levels", LEVELS);
        model.addAttribute("inactiveRegions", regions.inactiveCodes());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("phones", organisations.phones());
        model.addAttribute("kinds", OrganisationAdministration.KINDS);
        model.addAttribute("inactiveOrganisations", organisations.inactiveCodes());
        model.addAttribute("categories", categories.everything());
        Map<String, String> categoryNames = new HashMap<>();
        categories.everything().forEach(c -> categoryNames.put(c.code(), c.nameZh()));
        model.addAttribute("categoryNames", categoryNames);
        model.addAttribute("editRegion", region == null ? null : regions.find(region).orElse(null));
        Organisation editOrg = org == null ? null : organisations.find(org).orElse(null);
        model.addAttribute("editOrg", editOrg);
        model.addAttribute("editOrgPhone", editOrg == null ? null : organisations.phoneOf(editOrg.code()).orElse(null));
        model.addAttribute("calendarYears", calendars.years());
        model.addAttribute("calendarCoverage", calendarHealth.coverage());
        return "admin/library";
    }

    /** One region, checked by the same rules as an imported row. */
    @PostMapping("/admin/regions")
    String saveRegion(@AuthenticationPrincipal Principal me, @RequestParam Map<String, String> form,
                      RedirectAttributes redirect) {
        Map<String, String> cells = new HashMap<>();
        cells.put("code", form.get("code"));
        cells.put("name", form.get("name"));
        cells.put("level", form.get("level"));
        cells.put("parent_code", form.get("parentCode"));
        cells.put("lat", form.get("lat"));
        cells.put("lon", form.get("lon"));
        redirect.addFlashAttribute("report", regionImport.importRows(List.of(new Table.Line(1, cells)), me.getUsername()));
        return "redirect:/admin#regions";
    }

    @PostMapping("/admin/organisations")
    String saveOrganisation(@AuthenticationPrincipal Principal me, @RequestParam String code, @RequestParam String name,
                            @RequestParam String kind, @RequestParam String regionCode,
                            @RequestParam(required = false) List<String> categories,
                            @RequestParam(required = false) String phone, Locale locale, RedirectAttributes redirect) {
        try {
            Organisation saved = organisationAdministration.save(code.strip(),
                    new OrganisationAdministration.Edit(name, kind, regionCode, categories, phone), me.getUsername());
            redirect.addFlashAttribute("done", "已保存：" + saved.name());
            return "redirect:/admin#organisations";
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("errors", messages.of(e, locale));
            return "redirect:/admin?org=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8) + "#organisation-form";
        }
    }

    /** Before 停用: the cases it touches, and a form to confirm. */
    @GetMapping("/admin/{type:regions|organisations|categories}/{code}/deactivate")
    String confirmDeactivation(@AuthenticationPrincipal Principal me, @PathVariable String type, @PathVariable String code,
                               Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("impact", impact.of(type, code));
        model.addAttribute("back", type.equals("categories") ? "/admin/categories" : "/admin#" + type);
        return "admin/deactivate";
    }

    @PostMapping("/admin/{type:regions|organisations|categories}/{code}/active")
    String setActive(@AuthenticationPrincipal Principal me, @PathVariable String type, @PathVariable String code,
                     @RequestParam boolean active, RedirectAttributes redirect) {
        DeactivationImpact.Impact touched = elements.set(type, code, active, me.getUsername());
        redirect.addFlashAttribute("done", (active ? "已启用：" : "已停用：") + touched.name());
        return type.equals("categories") ? "redirect:/admin/categories" : "redirect:/admin#" + type;
    }

    /** An account on or off (the people screen and older links post here). */
    @PostMapping("/admin/people/{username}/active")
    String setPersonActive(@AuthenticationPrincipal Principal me, @PathVariable String username, @RequestParam boolean active,
                           RedirectAttributes redirect) {
        accounts.setEnabled(username, active);
        audit.record(me.getUsername(), "people" + (active ? ".activated" : ".deactivated"), username, null);
        redirect.addFlashAttribute("done", (active ? "已启用账号 " : "已停用账号 ") + username);
        return "redirect:/admin/people/" + username;
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
