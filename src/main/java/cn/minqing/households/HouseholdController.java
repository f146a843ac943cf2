package cn.minqing.households;

import cn.minqing.people.Principal;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import cn.minqing.platform.web.TextOrNumber;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Household files (户档案) over HTTP: import, list, page, assignment, bulk reassignment, edit, deactivation, merge. */
@RestController
class HouseholdController {

    private final HouseholdFiles files;
    private final HouseholdImport importer;
    private final HouseholdTags tags;
    private final HouseholdEditing editing;
    private final VisitSchedules schedules;

    HouseholdController(HouseholdFiles files, HouseholdImport importer, HouseholdTags tags, HouseholdEditing editing,
                        VisitSchedules schedules) {
        this.editing = editing;
        this.schedules = schedules;
        this.files = files;
        this.importer = importer;
        this.tags = tags;
    }

    @PostMapping("/api/admin/import/households")
    ImportReport importHouseholds(@AuthenticationPrincipal Principal me, @RequestParam("file") MultipartFile file)
            throws IOException {
        return importer.importRows(Table.read(file.getOriginalFilename(), file.getBytes()), me.getUsername());
    }

    @GetMapping("/api/households")
    List<HouseholdView> list(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String village,
                             @RequestParam(required = false) String tag,
                             @RequestParam(defaultValue = "false") boolean mine,
                             @RequestParam(defaultValue = "false") boolean inactive) {
        return files.list(new HouseholdFiles.Filter(village, tag, mine, inactive), me.user());
    }

    @GetMapping("/api/households/{id}")
    HouseholdView page(@AuthenticationPrincipal Principal me, @PathVariable long id) {
        return files.page(id, me.user());
    }

    @GetMapping("/api/household-tags")
    List<HouseholdTag> tags() {
        return tags.all();
    }

    /** 走访周期: how often a tag's households are visited, in calendar or working days (admins). */
    @PutMapping("/api/admin/household-tags/{code}")
    HouseholdTag schedule(@AuthenticationPrincipal Principal me, @PathVariable String code,
                          @RequestBody VisitSchedules.Schedule s) {
        return schedules.change(code, s, me.user());
    }

    record Assignment(String gridMember, String partyMember) {
    }

    @PutMapping("/api/households/{id}/assignment")
    HouseholdView assign(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestBody Assignment a) {
        return files.assign(id, a.gridMember(), a.partyMember(), me.user());
    }

    record Reassignment(String leaving, String successor) {
    }

    /** 移交: every household one grid member or party member serves, to another. */
    @PostMapping("/api/admin/households/reassignment")
    Map<String, Integer> reassign(@AuthenticationPrincipal Principal me, @RequestBody Reassignment r) {
        return Map.of("moved", files.reassign(r.leaving(), r.successor(), me.user()));
    }

    record Activity(Boolean active) {
    }

    @PutMapping("/api/admin/households/{id}/active")
    HouseholdView activate(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestBody Activity a) {
        files.setActive(id, !Boolean.FALSE.equals(a.active()), me.user());
        return files.page(id, me.user());
    }

    /** Corrects a household's file: every editable field at once (admins). */
    @PutMapping("/api/admin/households/{id}")
    HouseholdView edit(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestBody HouseholdEdit e) {
        editing.edit(id, e, me.user());
        return files.page(id, me.user());
    }

    /** The duplicate's code, or its id: a JSON number too (docs/visits.md), as a household's id is everywhere else. */
    record Merge(@JsonDeserialize(using = TextOrNumber.class) String duplicate) {
    }

    /** 合并重复户: the duplicate (id or code) goes into this household, which takes its visits and cases. */
    @PostMapping("/api/admin/households/{id}/merge")
    HouseholdEditing.Merged merge(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestBody Merge m) {
        return editing.merge(id, m.duplicate(), me.user());
    }
}
