package cn.minqing.cases;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cases for people, within what each may see; a case one may not see does not exist for them. */
@Service
public class CaseViews {

    private final Cases cases;
    private final Timeline timeline;
    private final Categories categories;
    private final Regions regions;
    private final Organisations organisations;
    private final PeopleOnCase people;
    private final List<PlansOfCase> plans;

    CaseViews(Cases cases, Timeline timeline, Categories categories, Regions regions, Organisations organisations,
              PeopleOnCase people, List<PlansOfCase> plans) {
        this.plans = plans;
        this.people = people;
        this.cases = cases;
        this.timeline = timeline;
        this.categories = categories;
        this.regions = regions;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public CaseView get(String number, CurrentUser viewer) {
        CaseRecord c = visible(number, viewer);
        PeopleOnCase.Naming naming = people.forViewer(c, viewer);
        return view(c, naming, timeline(c, naming), plans.stream().flatMap(p -> p.of(number, viewer).stream()).toList());
    }

    /**
     * A case just filed, shown to the one who filed it from what the filing wrote — the row as inserted and its
     * timeline — instead of reading them again (the filing's 201, issue 16). It is what {@link #get} shows right after
     * the commit: a new case is linked to no plan yet (plans link it once it is indexed). {@code FiledResponseTest}
     * compares the two for a named and an anonymous report.
     */
    @Transactional(readOnly = true)
    public CaseView asFiled(CaseRecord written, List<TimelineEntry> timeline, CurrentUser viewer) {
        if (!mayView(written, viewer)) {
            return receipt(written, viewer);
        }
        PeopleOnCase.Naming naming = people.forViewer(written, viewer);
        return view(written, naming, named(timeline, naming), List.of());
    }

    /** A replayed filing's answer: the case as {@link #get} shows it, or the receipt of one who may not follow it. */
    @Transactional(readOnly = true)
    public CaseView asFiledAgain(String number, CurrentUser filer) {
        CaseRecord c = cases.find(number).orElseThrow(() -> ApiException.notFound("case.notFound", number));
        return mayView(c, filer) ? get(number, filer) : receipt(c, filer);
    }

    /**
     * What one who filed for someone else (代办) gets back when they may not follow the case afterwards — a party
     * member, or a county bureau's cadre filing outside their bureau's categories: the number and what they wrote,
     * where it was filed and that it was received; nothing of how it is handled (urgency, handling organisation,
     * deadlines, timeline), which {@code GET} would refuse them. The reporter is named as to any other non-admin.
     */
    private CaseView receipt(CaseRecord c, CurrentUser filer) {
        CaseView v = view(c, people.forViewer(c, filer), List.of(), null);
        return new CaseView(v.number(), v.title(), v.description(), v.category(), v.categoryName(), v.villageCode(),
                v.villageName(), v.townshipName(), v.status(), v.statusName(), null, null, null, v.reporter(),
                v.anonymous(), v.lat(), v.lon(), v.address(), 0, v.createdAt(), v.updatedAt(), null, null, false,
                List.of(), null, v.channel(), null);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(String number, CurrentUser viewer) {
        CaseRecord c = visible(number, viewer);
        return timeline(c, people.forViewer(c, viewer));
    }

    /** How the people of a case the viewer may see are named to them (404 if they may not see it). */
    @Transactional(readOnly = true)
    public PeopleOnCase.Naming namingOf(String number, CurrentUser viewer) {
        return people.forViewer(visible(number, viewer), viewer);
    }

    @Transactional(readOnly = true)
    public List<CaseView> reportedBy(CurrentUser viewer, int limit) {
        return cases.ofReporter(viewer.username(), limit).stream()
                .map(c -> view(c, people.forViewer(c, viewer), null, null)).toList();
    }

    /** Whether the viewer may see the case; the region is compared by its path in the tree, never by code prefix. */
    public boolean mayView(CaseRecord c, CurrentUser viewer) {
        if (viewer.username().equals(c.reporter())) {
            return true; // the reporter sees their own case wherever it is (CurrentUser.mayView); no need for its path
        }
        List<String> path = regions.pathOf(c.villageCode());
        // a co-organisation (协办单位) of the case is held to the handler's rule: its staff within their region see it
        return viewer.mayView(path, c.reporter(), c.categoryCode(), c.handlingOrg())
                || c.handling().coOrganisations().stream().anyMatch(o -> viewer.mayView(path, c.reporter(), c.categoryCode(), o.code()));
    }

    private CaseRecord visible(String number, CurrentUser viewer) {
        return cases.find(number).filter(c -> mayView(c, viewer))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
    }

    private List<TimelineEntry> timeline(CaseRecord c, PeopleOnCase.Naming naming) {
        return named(timeline.of(c.number()), naming);
    }

    private static List<TimelineEntry> named(List<TimelineEntry> entries, PeopleOnCase.Naming naming) {
        return entries.stream().map(e -> new TimelineEntry(e.at(), naming.name(e.actor()), e.kind(), e.stage(),
                naming.scrub(e.note()))).toList();
    }

    private CaseView view(CaseRecord c, PeopleOnCase.Naming naming, List<TimelineEntry> entries, List<CasePlan> linked) {
        Region village = regions.find(c.villageCode()).orElseThrow();
        String township = regions.find(village.parentCode()).map(Region::name).orElse(null);
        String categoryName = categories.find(c.categoryCode()).map(Category::nameZh).orElse(c.categoryCode());
        String handler = c.handlingOrg() == null ? null
                : organisations.find(c.handlingOrg()).map(Organisation::name).orElse(c.handlingOrg());
        String reporter = naming.name(c.reporter());
        return new CaseView(c.number(), c.title(), c.description(), c.categoryCode(), categoryName, c.villageCode(),
                village.name(), township, c.status().code(), c.status().nameZh(), c.urgency(), handler,
                c.outcomeNote(), reporter, c.anonymous(), c.lat(), c.lon(), c.address(), c.supporters(),
                c.createdAt(), c.updatedAt(), c.closedAt(), c.handling(), c.isOverdue(), entries, linked, c.channel(),
                c.anonymous() && naming.hidesReporter() ? null : c.visitId());
    }
}
