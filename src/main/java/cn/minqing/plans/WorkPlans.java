package cn.minqing.plans;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work plans (工作方案): starting one, reading them within one's region, linking cases by hand. */
@Service
public class WorkPlans {

    static final int MAX_REASON = 500;

    private final Plans plans;
    private final PlanCheck check;
    private final PlanAccess access;
    private final PlanViews views;
    private final PlanLifecycle lifecycle;
    private final PlanLinking linking;
    private final Cases cases;
    private final CaseViews caseViews;
    private final Categories categories;
    private final Regions regions;
    private final AuditLog audit;

    WorkPlans(Plans plans, PlanCheck check, PlanAccess access, PlanViews views, PlanLifecycle lifecycle,
              PlanLinking linking, Cases cases, CaseViews caseViews, Categories categories, Regions regions, AuditLog audit) {
        this.plans = plans;
        this.check = check;
        this.access = access;
        this.views = views;
        this.lifecycle = lifecycle;
        this.linking = linking;
        this.cases = cases;
        this.caseViews = caseViews;
        this.categories = categories;
        this.regions = regions;
        this.audit = audit;
    }

    /** Leaders and admins (403), every field right (400), within the leader's region (403); all stored or nothing. */
    @Transactional
    public PlanView start(PlanRequest request, CurrentUser user) {
        if (!access.mayStartPlans(user)) {
            throw ApiException.forbidden("plan.forbidden");
        }
        NewPlan plan = check.check(request);
        if (!access.mayStartIn(plan.region(), user)) {
            throw ApiException.forbidden("plan.outOfScope");
        }
        long id = plans.insert(plan, user.username());
        audit.record(user.username(), "plan.created", "plan:" + id, plan.title());
        PlanRow row = plans.find(id).orElseThrow();
        lifecycle.started(row);
        linking.linkAll(row);
        return views.of(plans.find(id).orElseThrow(), user);
    }

    @Transactional(readOnly = true)
    public List<PlanView> list(String region, String status, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        if (region != null && !region.isBlank() && (region.length() > 16 || regions.find(region).isEmpty())) {
            problems.add(new FieldProblem("region", "plan.region.unknown"));
        }
        if (status != null && !status.isBlank() && PlanStatus.of(status).isEmpty()) {
            problems.add(new FieldProblem("status", "plan.status.unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return plans.all().stream()
                .filter(p -> status == null || status.isBlank() || p.status().code().equals(status))
                .filter(p -> region == null || region.isBlank() || access.within(p.region(), region))
                .filter(p -> access.mayRead(p, user))
                .map(p -> views.of(p, user)).toList();
    }

    @Transactional(readOnly = true)
    public PlanView get(long id, CurrentUser user) {
        return views.of(readable(id, user), user);
    }

    /** The linked cases the viewer may see themselves (a villager: their own); never who reported them. */
    @Transactional(readOnly = true)
    public List<LinkedCase> cases(long id, CurrentUser user) {
        PlanRow plan = readable(id, user);
        List<Plans.Link> links = plans.links(plan.id());
        Map<String, Plans.Link> byNumber = links.stream().collect(Collectors.toMap(Plans.Link::caseNumber, Function.identity()));
        Map<String, String> categoryNames = categories.all().stream().collect(Collectors.toMap(Category::code, Category::nameZh));
        return cases.byNumbers(links.stream().map(Plans.Link::caseNumber).toList()).stream()
                .filter(c -> caseViews.mayView(c, user))
                .map(c -> linked(c, byNumber.get(c.number()), categoryNames))
                .sorted((a, b) -> b.linkedAt().compareTo(a.linkedAt())).toList();
    }

    /** Of the given case numbers, those the person may see (a county plan's cases reach a township cadre's page). */
    java.util.Set<String> visible(List<String> numbers, CurrentUser user) {
        return cases.byNumbers(numbers).stream().filter(c -> caseViews.mayView(c, user)).map(CaseRecord::number)
                .collect(Collectors.toSet());
    }

    @Transactional
    public LinkedCase link(long id, LinkRequest request, CurrentUser user) {
        PlanRow plan = linkable(id, user);
        CaseRecord c = checked(request, user);
        if (plans.link(plan.id(), c.number()).filter(l -> l.unlinkedAt() == null).isPresent()) {
            throw ApiException.conflict("plan.case.linked", c.number());
        }
        String reason = request.reason().strip();
        plans.linkByHand(plan.id(), c.number(), reason, user.username());
        audit.record(user.username(), "plan.caseLinked", "plan:" + plan.id(), c.number() + ": " + reason);
        Map<String, String> names = categories.find(c.categoryCode()).map(k -> Map.of(k.code(), k.nameZh())).orElse(Map.of());
        return linked(c, plans.link(plan.id(), c.number()).orElseThrow(), names);
    }

    @Transactional
    public void unlink(long id, LinkRequest request, CurrentUser user) {
        PlanRow plan = linkable(id, user);
        CaseRecord c = checked(request, user);
        if (plans.link(plan.id(), c.number()).filter(l -> l.unlinkedAt() == null).isEmpty()) {
            throw ApiException.notFound("plan.case.notLinked", c.number());
        }
        String reason = request.reason().strip();
        plans.unlink(plan.id(), c.number(), reason, user.username());
        audit.record(user.username(), "plan.caseUnlinked", "plan:" + plan.id(), c.number() + ": " + reason);
    }

    private PlanRow readable(long id, CurrentUser user) {
        return plans.find(id).filter(p -> access.mayRead(p, user))
                .orElseThrow(() -> ApiException.notFound("plan.notFound", id));
    }

    private PlanRow linkable(long id, CurrentUser user) {
        PlanRow plan = readable(id, user);
        if (!access.mayLink(plan, user)) {
            throw ApiException.forbidden("plan.link.forbidden");
        }
        return plan;
    }

    /** A case the person may see (else 404) and a reason (400), both named at once when missing. */
    private CaseRecord checked(LinkRequest request, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String number = request == null ? null : request.number();
        String reason = request == null ? null : request.reason();
        if (number == null || number.isBlank()) {
            problems.add(new FieldProblem("number", "plan.field.required"));
        } else if (number.length() > 32) {
            problems.add(new FieldProblem("number", "plan.field.tooLong", 32));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "plan.field.required"));
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "plan.field.tooLong", MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return cases.find(number.strip()).filter(c -> caseViews.mayView(c, user))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number.strip()));
    }

    private static LinkedCase linked(CaseRecord c, Plans.Link link, Map<String, String> categoryNames) {
        return new LinkedCase(c.number(), c.title(), c.status().code(), c.status().nameZh(), c.categoryCode(),
                categoryNames.getOrDefault(c.categoryCode(), c.categoryCode()), c.villageCode(), c.createdAt(),
                link.how(), link.reason(), link.linkedAt());
    }
}
