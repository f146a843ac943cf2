package cn.minqing.casework;

import cn.minqing.attachments.Attachments;
import cn.minqing.cases.CaseView;
import cn.minqing.search.SimilarCases;
import cn.minqing.cases.CaseViews;
import cn.minqing.county.Categories;
import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cadre's workbench pages (zh-CN first): the task list and the case page with the stage's form. */
@Controller
class WorkbenchController {

    private final Casework casework;
    private final CaseViews views;
    private final CaseNotes notes;
    private final Categories categories;
    private final Regions regions;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Attachments attachments;
    private final Reopening reopening;
    private final SimilarCases similarCases;
    private final VillagerCasePage villagerPage;
    private final PeopleNames people;
    private final StageFormChoices choices;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final List<OtherTasks> otherTasks;
    private final Extensions extensions;
    private final cn.minqing.replies.ReplyTemplates replyTemplates;
    private final CoHandlingClosing coHandlingClosing;
    private final Suspensions suspensions;

    WorkbenchController(Casework casework, CaseViews views, CaseNotes notes, Categories categories, Regions regions,
                        Organisations organisations, MessageSource messages, Attachments attachments,
                        Reopening reopening, SimilarCases similarCases, VillagerCasePage villagerPage,
                        PeopleNames people, StageFormChoices choices,
                        org.springframework.transaction.support.TransactionTemplate tx, List<OtherTasks> otherTasks,
                        Extensions extensions, cn.minqing.replies.ReplyTemplates replyTemplates,
                        CoHandlingClosing coHandlingClosing, Suspensions suspensions) {
        this.suspensions = suspensions;
        this.coHandlingClosing = coHandlingClosing;
        this.replyTemplates = replyTemplates;
        this.tx = tx;
        this.otherTasks = otherTasks;
        this.extensions = extensions;
        this.people = people;
        this.choices = choices;
        this.villagerPage = villagerPage;
        this.similarCases = similarCases;
        this.reopening = reopening;
        this.attachments = attachments;
        this.casework = casework;
        this.views = views;
        this.notes = notes;
        this.categories = categories;
        this.regions = regions;
        this.organisations = organisations;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Principal me) {
        return me.user().isVillagerOnly() ? "redirect:/my" : "redirect:/workbench";
    }

    @GetMapping("/workbench")
    String tasks(@AuthenticationPrincipal Principal me, TaskController.TaskQueryParams params, Model model) {
        TaskFilter filter = params.filter();
        model.addAttribute("me", me.user());
        model.addAttribute("filter", filter);
        model.addAttribute("tasks", casework.tasksFor(me.user(), filter));
        model.addAttribute("counts", casework.countsFor(me.user(),
                new TaskFilter(null, null, filter.category(), filter.village(), filter.urgency(), filter.overdue(),
                        filter.mine(), filter.size(), 0)));
        model.addAttribute("categories", categories.all());
        String scope = me.user().is(Role.ADMIN) || me.user().scopeRegion() == null ? "" : me.user().scopeRegion();
        model.addAttribute("villages", regions.allWithin(scope).stream().filter(v -> v.level().equals("village")).toList());
        model.addAttribute("otherTasks", otherTasks.stream().flatMap(o -> o.of(me.user()).stream()).toList());
        return "workbench/tasks";
    }

    @GetMapping("/workbench/cases/{number}")
    String casepage(@AuthenticationPrincipal Principal me, @PathVariable String number, Model model) {
        if (me.user().isVillagerOnly()) {
            return villagerPage.show(number, me.user(), model); // their own case, in plain words (templates/my/case.html)
        }
        CaseView view = views.get(number, me.user());
        model.addAttribute("me", me.user());
        model.addAttribute("c", view);
        List<TaskView> open = casework.tasksFor(me.user(), TaskFilter.ofCase(number));
        model.addAttribute("tasks", open);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("choices", choices.organisationsFor(view));
        model.addAttribute("decision", DecisionContext.of(view, organisations.all()));
        model.addAttribute("attachments", attachments.of(number, me.user()));
        boolean inIntake = open.stream().anyMatch(t -> t.stage().equals("accept"));
        model.addAttribute("duplicates", inIntake ? duplicatesOf(view, me) : List.of());
        // 受理 may correct the category or village the report was filed under
        model.addAttribute("categoryChoices", inIntake ? categories.all() : List.of());
        model.addAttribute("villageChoices", inIntake ? regions.atLevel("village") : List.of());
        // 答复模板 each open stage's form offers: the cadre's organisation's own and the county-wide ones
        java.util.Map<String, List<cn.minqing.replies.ReplyTemplate>> offered = new java.util.HashMap<>();
        open.forEach(t -> offered.put(t.stage(), replyTemplates.usableBy(me.user(), t.stage())));
        model.addAttribute("replyTemplates", offered);
        // 延期: the handler may ask while one of its stages is open and the deadline has not passed
        model.addAttribute("mayExtend", open.stream().anyMatch(t -> Extensions.HANDLER_STAGES.contains(t.stage()))
                && view.handling().resolveDue() != null && view.handling().resolveDue().isAfter(cn.minqing.cases.CaseClock.now()));
        // 挂起: the handler asks while one of its stages is open; 恢复办理 while the clock stands still
        boolean handler = open.stream().anyMatch(t -> Extensions.HANDLER_STAGES.contains(t.stage()));
        model.addAttribute("maySuspend", handler && view.handling().suspendedSince() == null);
        model.addAttribute("mayResume", handler && view.handling().suspendedSince() != null);
        // 协办: the lead organisation may close a joint handling that still waits for co-organisations
        model.addAttribute("mayCloseCoHandling", me.user().organisationCode() != null && organisations
                .find(me.user().organisationCode()).filter(o -> o.name().equals(view.handlingOrganisation())).isPresent()
                && view.handling().coOrganisations().stream().anyMatch(o -> o.status().equals(cn.minqing.cases.CoOrganisation.OPEN)));
        // people by display name, never by user name (anonymity is already applied by the case view)
        java.util.Set<String> named = new java.util.HashSet<>();
        named.add(view.reporter());
        view.timeline().forEach(e -> named.add(e.actor()));
        open.forEach(t -> named.add(t.assignee()));
        model.addAttribute("names", people.of(named));
        return "workbench/case";
    }

    @PostMapping("/workbench/tasks/{id}/claim")
    String claim(@AuthenticationPrincipal Principal me, @PathVariable String id, @RequestParam String caseNumber) {
        casework.claim(id, me.user());
        return "redirect:/workbench/cases/" + caseNumber;
    }

    /** Completes a stage; at 实施 the 整改前/整改后 photos come along and are stored with it, or not at all. */
    @PostMapping("/workbench/tasks/{id}/complete")
    String complete(@AuthenticationPrincipal Principal me, @PathVariable String id, @RequestParam String caseNumber,
                    CompletionForm form, @RequestParam(required = false) MultipartFile before,
                    @RequestParam(required = false) MultipartFile after, RedirectAttributes redirect, Locale locale)
            throws java.io.IOException {
        byte[] beforeBytes = bytesOf(before);
        byte[] afterBytes = bytesOf(after);
        Runnable step = () -> tx.executeWithoutResult(status -> {
            if (beforeBytes != null) {
                attachments.add(caseNumber, before.getOriginalFilename(), beforeBytes, "before", me.user());
            }
            if (afterBytes != null) {
                attachments.add(caseNumber, after.getOriginalFilename(), afterBytes, "after", me.user());
            }
            casework.complete(id, me.user(), form);
        });
        if (attempt(step, redirect, locale)) {
            // a villager only ever completes the rating (回访)
            String done = me.user().isVillagerOnly() ? "ui.rated" : "ui.completed";
            redirect.addFlashAttribute("done", messages.getMessage(done, null, locale));
        }
        return "redirect:/workbench/cases/" + caseNumber;
    }

    @PostMapping("/workbench/cases/{number}/extension")
    String extension(@AuthenticationPrincipal Principal me, @PathVariable String number,
                     @RequestParam(required = false) String until, @RequestParam(required = false) String reason,
                     RedirectAttributes redirect, Locale locale) {
        if (attempt(() -> extensions.request(number, new Extensions.Request(until, reason), me.user()), redirect, locale)) {
            redirect.addFlashAttribute("done", messages.getMessage("ui.extension.requested", null, locale));
        }
        return "redirect:/workbench/cases/" + number;
    }

    /** 挂起 from the case page: the county centre decides on its approval task. */
    @PostMapping("/workbench/cases/{number}/suspension")
    String suspend(@AuthenticationPrincipal Principal me, @PathVariable String number,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String until,
                   RedirectAttributes redirect, Locale locale) {
        if (attempt(() -> suspensions.request(number, new Suspensions.Request(reason, until), me.user()), redirect, locale)) {
            redirect.addFlashAttribute("done", messages.getMessage("ui.suspension.requested", null, locale));
        }
        return "redirect:/workbench/cases/" + number;
    }

    /** 恢复办理 from the case page: the clock runs again. */
    @PostMapping("/workbench/cases/{number}/resume")
    String resume(@AuthenticationPrincipal Principal me, @PathVariable String number, RedirectAttributes redirect,
                  Locale locale) {
        if (attempt(() -> suspensions.resume(number, me.user()), redirect, locale)) {
            redirect.addFlashAttribute("done", messages.getMessage("ui.suspension.resumed", null, locale));
        }
        return "redirect:/workbench/cases/" + number;
    }

    /** 协办: the lead organisation closes the joint handling with a reason for the co-organisations missing. */
    @PostMapping("/workbench/cases/{number}/co-handling/close")
    String closeCoHandling(@AuthenticationPrincipal Principal me, @PathVariable String number,
                           @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        if (attempt(() -> coHandlingClosing.close(number, new CoHandlingClosing.Request(reason, null), me.user()),
                redirect, locale)) {
            redirect.addFlashAttribute("done", messages.getMessage("ui.co.closed", null, locale));
        }
        return "redirect:/workbench/cases/" + number;
    }

    @PostMapping("/workbench/cases/{number}/reopen")
    String reopen(@AuthenticationPrincipal Principal me, @PathVariable String number, @RequestParam String reason,
                  RedirectAttributes redirect, Locale locale) {
        attempt(() -> reopening.reopen(number, reason, me.user()), redirect, locale);
        return "redirect:/workbench/cases/" + number;
    }

    /** Photos of the fix (or of the problem) added from the case page. */
    @PostMapping("/workbench/cases/{number}/attachments")
    String attach(@AuthenticationPrincipal Principal me, @PathVariable String number,
                  @RequestParam("file") MultipartFile file,
                  RedirectAttributes redirect, Locale locale) throws java.io.IOException {
        byte[] bytes = file.getBytes();
        attempt(() -> attachments.add(number, file.getOriginalFilename(), bytes, me.user()), redirect, locale);
        return "redirect:/workbench/cases/" + number;
    }

    @PostMapping("/workbench/cases/{number}/notes")
    String note(@AuthenticationPrincipal Principal me, @PathVariable String number, @RequestParam String note,
                RedirectAttributes redirect, Locale locale) {
        attempt(() -> notes.add(number, note, me.user()), redirect, locale);
        return "redirect:/workbench/cases/" + number;
    }

    private static byte[] bytesOf(MultipartFile file) throws java.io.IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }

    /** Likely duplicates to merge into, shown on the intake-review form (never fails the page). */
    private List<CaseView> duplicatesOf(CaseView c, Principal me) {
        try {
            return similarCases.find(c.title() + " " + c.description(), c.villageCode(), 3, 6, me.user()).stream()
                    .filter(m -> !m.number().equals(c.number()))
                    .filter(SimilarCases.Match::isOpen)
                    .limit(5).map(m -> views.get(m.number(), me.user())).toList(); // both texts side by side
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Runs a step; a refusal (bad input, 4xx) becomes the page's error messages. Returns true if it went through. */
    private boolean attempt(Runnable step, RedirectAttributes redirect, Locale locale) {
        try {
            step.run();
            return true;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems().stream()
                    .map(p -> cn.minqing.platform.web.FieldMessages.of(messages, p, locale)).toList());
        } catch (ApiException e) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
        }
        return false;
    }
}
