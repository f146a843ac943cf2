package cn.minqing.plans;

import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldMessages;
import cn.minqing.platform.web.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Working a plan from the workbench: a milestone's page with its progress reports and the form to add one (from a
 * phone or the PC, photos included), the page of a plan task (approval, 督办, evaluation, closing), the photos.
 */
@Controller
class PlanWorkPages {

    private final WorkPlans plans;
    private final Plans store;
    private final PlanReports reports;
    private final PlanTasks tasks;
    private final PlanPageModel pageModel;
    private final PlanProgress progress;
    private final PlanAccess access;
    private final MessageSource messages;

    PlanWorkPages(WorkPlans plans, Plans store, PlanReports reports, PlanTasks tasks, PlanPageModel pageModel,
                  PlanProgress progress, PlanAccess access, MessageSource messages) {
        this.plans = plans;
        this.store = store;
        this.reports = reports;
        this.tasks = tasks;
        this.pageModel = pageModel;
        this.progress = progress;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/plans/{id}/milestones/{seq}")
    String milestone(@AuthenticationPrincipal Principal me, @PathVariable long id, @PathVariable int seq, Model model) {
        PlanView p = plans.get(id, me.user());
        PlanView.MilestoneView m = p.milestones().stream().filter(x -> x.seq() == seq).findFirst()
                .orElseThrow(() -> ApiException.notFound("plan.milestone.notFound", seq));
        PlanRow row = store.find(id).orElseThrow();
        model.addAttribute("me", me.user());
        model.addAttribute("p", p);
        model.addAttribute("m", m);
        model.addAttribute("reports", pageModel.reportsBySeq(id).getOrDefault(seq, List.of()));
        model.addAttribute("mayReport", reports.mayReport(row, store.milestone(id, seq).orElseThrow(), me.user()));
        model.addAttribute("mayComplete", tasks.report(me.user(), id, seq).isPresent());
        return "plans/milestone";
    }

    @PostMapping("/plans/{id}/milestones/{seq}/progress")
    String report(@AuthenticationPrincipal Principal me, @PathVariable long id, @PathVariable int seq,
                  @ModelAttribute ProgressForm form, @RequestParam(required = false) List<MultipartFile> photos,
                  RedirectAttributes redirect, Locale locale) throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (!f.isEmpty()) {
                bytes.add(f.getBytes());
            }
        }
        if (attempt(() -> reports.report(id, seq, form, bytes, me.user()), redirect, locale)) {
            redirect.addFlashAttribute("done", messages.getMessage("plan.ui.reported", null, locale));
        }
        return "redirect:/plans/" + id + "/milestones/" + seq;
    }

    @GetMapping("/plans/tasks/{taskId}")
    String task(@AuthenticationPrincipal Principal me, @PathVariable String taskId, Model model) {
        PlanTasks.PlanTask t = tasks.visible(me.user(), taskId)
                .orElseThrow(() -> ApiException.notFound("plan.task.notFound", taskId));
        if (PlanTasks.REPORT.equals(t.key())) {
            return "redirect:" + t.href();
        }
        model.addAttribute("me", me.user());
        model.addAttribute("t", t);
        model.addAttribute("p", plans.get(t.plan().id(), me.user()));
        return "plans/task";
    }

    @PostMapping("/plans/tasks/{taskId}")
    String complete(@AuthenticationPrincipal Principal me, @PathVariable String taskId,
                    @RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
        PlanTasks.PlanTask t = tasks.visible(me.user(), taskId)
                .orElseThrow(() -> ApiException.notFound("plan.task.notFound", taskId));
        if (!attempt(() -> reports.complete(taskId, comment, me.user()), redirect, locale)) {
            return "redirect:/plans/tasks/" + taskId;
        }
        redirect.addFlashAttribute("done", messages.getMessage("plan.ui.taskDone", null, locale));
        return "redirect:/plans/" + t.plan().id();
    }

    /** Links a case by hand from the plan's page, with the reason (as POST /api/plans/{id}/cases). */
    @PostMapping("/plans/{id}/cases")
    String link(@AuthenticationPrincipal Principal me, @PathVariable long id, @RequestParam(required = false) String number,
                @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        if (attempt(() -> plans.link(id, new LinkRequest(number, reason), me.user()), redirect, locale)) {
            redirect.addFlashAttribute("done", messages.getMessage("plan.ui.linkedDone", null, locale));
        }
        return "redirect:/plans/" + id + "#linked";
    }

    /** Unlinks a case by hand from the plan's page, with the reason. */
    @PostMapping("/plans/{id}/cases/{number}/unlink")
    String unlink(@AuthenticationPrincipal Principal me, @PathVariable long id, @PathVariable String number,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        if (attempt(() -> plans.unlink(id, new LinkRequest(number, reason), me.user()), redirect, locale)) {
            redirect.addFlashAttribute("done", messages.getMessage("plan.ui.unlinkedDone", null, locale));
        }
        return "redirect:/plans/" + id + "#linked";
    }

    /** A progress report's photo, for whoever may see the plan. */
    @GetMapping("/plans/photos/{photoId}")
    ResponseEntity<byte[]> photo(@AuthenticationPrincipal Principal me, @PathVariable long photoId) {
        PlanProgress.Photo photo = progress.photo(photoId)
                .filter(p -> store.find(p.planId()).filter(plan -> access.mayRead(plan, me.user())).isPresent())
                .orElseThrow(() -> ApiException.notFound("plan.photo.notFound", photoId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.mediaType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(photo.bytes());
    }

    private boolean attempt(Runnable step, RedirectAttributes redirect, Locale locale) {
        try {
            step.run();
            return true;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.problems().stream().map(p -> FieldMessages.of(messages, p, locale)).toList());
        } catch (ApiException e) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)));
        }
        return false;
    }
}
