package cn.minqing.plans;

import cn.minqing.attachments.CleanPhoto;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports on a plan's milestones (text, a number, photos) and the plan's other tasks (approval, 督办,
 * evaluation, closing) worked from the workbench. Reports come from the lead and co-organisations' staff, the
 * milestone's assignee, the leaders with the plan's tasks and admins; a report that says the milestone is met
 * completes its task in the same transaction, or nothing is stored.
 */
@Service
class PlanReports {

    static final int MAX_PHOTOS = 6;

    private final Plans plans;
    private final PlanProgress progress;
    private final PlanTasks tasks;
    private final PlanAccess access;
    private final AuditLog audit;

    PlanReports(Plans plans, PlanProgress progress, PlanTasks tasks, PlanAccess access, AuditLog audit) {
        this.plans = plans;
        this.progress = progress;
        this.tasks = tasks;
        this.access = access;
        this.audit = audit;
    }

    /** Whether the person may report on this milestone. */
    boolean mayReport(PlanRow plan, Plans.Milestone m, CurrentUser user) {
        if (!access.mayRead(plan, user) || user.isVillagerOnly() || "done".equals(m.status())) {
            return false;
        }
        return user.is(Role.ADMIN) || user.username().equals(m.assignee())
                || plan.leadOrganisation().equals(user.organisationCode())
                || plan.coOrganisations().contains(user.organisationCode())
                || tasks.report(user, plan.id(), m.seq()).isPresent();
    }

    @Transactional
    void report(long planId, int seq, ProgressForm form, List<byte[]> photos, CurrentUser user) {
        PlanRow plan = plans.find(planId).filter(p -> access.mayRead(p, user))
                .orElseThrow(() -> ApiException.notFound("plan.notFound", planId));
        Plans.Milestone m = plans.milestone(planId, seq).orElseThrow(() -> ApiException.notFound("plan.milestone.notFound", seq));
        if (!mayReport(plan, m, user)) {
            throw ApiException.forbidden("plan.progress.forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String text = form.text() == null ? "" : form.text().strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("text", "plan.field.required"));
        } else if (text.length() > 2000) {
            problems.add(new FieldProblem("text", "plan.field.tooLong", 2000));
        }
        BigDecimal amount = amount(problems, form.amount());
        String unit = form.unit() == null || form.unit().isBlank() ? null : form.unit().strip();
        if (unit != null && unit.length() > 20) {
            problems.add(new FieldProblem("unit", "plan.field.tooLong", 20));
        }
        List<CleanPhoto> clean = photos(problems, photos);
        Optional<PlanTasks.PlanTask> task = form.done() ? tasks.report(user, planId, seq) : Optional.empty();
        if (form.done() && task.isEmpty()) {
            problems.add(new FieldProblem("done", "plan.milestone.notYours"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = progress.add(planId, seq, user.username(), text, amount, unit, "progress");
        clean.forEach(p -> progress.addPhoto(id, p.contentType(), p.bytes()));
        audit.record(user.username(), "plan.progress", "plan:" + planId, "milestone " + seq + (form.done() ? " done" : ""));
        if (form.done()) {
            tasks.complete(task.orElseThrow(), user.username());
        }
    }

    /** Completes one of the plan's own tasks (approval, 督办, evaluation, closing); a 督办 needs the leader's words. */
    @Transactional
    void complete(String taskId, String comment, CurrentUser user) {
        PlanTasks.PlanTask task = tasks.visible(user, taskId).filter(t -> !PlanTasks.REPORT.equals(t.key()))
                .orElseThrow(() -> ApiException.notFound("plan.task.notFound", taskId));
        String words = comment == null ? "" : comment.strip();
        if (PlanTasks.SUPERVISE.equals(task.key()) && words.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "plan.field.required")));
        }
        if (words.length() > 2000) {
            throw new InvalidInputException(List.of(new FieldProblem("comment", "plan.field.tooLong", 2000)));
        }
        if (task.seq() != null && !words.isEmpty()) {
            progress.add(task.plan().id(), task.seq(), user.username(), words, null, null, "supervision");
        }
        audit.record(user.username(), "plan." + task.key(), "plan:" + task.plan().id(), words);
        tasks.complete(task, user.username());
    }

    private static BigDecimal amount(List<FieldProblem> problems, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            BigDecimal a = new BigDecimal(given.strip());
            if (a.signum() >= 0 && a.compareTo(new BigDecimal("1e9")) < 0) {
                return a;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add(new FieldProblem("amount", "plan.target.invalid"));
        return null;
    }

    private static List<CleanPhoto> photos(List<FieldProblem> problems, List<byte[]> photos) {
        List<byte[]> given = photos.stream().filter(b -> b != null && b.length > 0).toList();
        if (given.size() > MAX_PHOTOS) {
            problems.add(new FieldProblem("photos", "plan.photos.tooMany", MAX_PHOTOS));
            return List.of();
        }
        List<CleanPhoto> clean = new ArrayList<>();
        for (byte[] b : given) {
            Optional<CleanPhoto> p = CleanPhoto.of(b);
            if (p.isEmpty()) {
                problems.add(new FieldProblem("photos", "plan.photo.invalid"));
                return List.of();
            }
            clean.add(p.get());
        }
        return clean;
    }
}
