package cn.minqing.cases;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
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

    CaseViews(Cases cases, Timeline timeline, Categories categories, Regions regions, Organisations organisations) {
        this.cases = cases;
        this.timeline = timeline;
        this.categories = categories;
        this.regions = regions;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public CaseView get(String number, CurrentUser viewer) {
        CaseRecord c = visible(number, viewer);
        return view(c, viewer, timeline(c, viewer));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(String number, CurrentUser viewer) {
        return timeline(visible(number, viewer), viewer);
    }

    @Transactional(readOnly = true)
    public List<CaseView> reportedBy(CurrentUser viewer, int limit) {
        return cases.ofReporter(viewer.username(), limit).stream().map(c -> view(c, viewer, null)).toList();
    }

    private CaseRecord visible(String number, CurrentUser viewer) {
        return cases.find(number).filter(c -> viewer.mayView(c.villageCode(), c.reporter(), c.categoryCode(), c.handlingOrg()))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
    }

    private List<TimelineEntry> timeline(CaseRecord c, CurrentUser viewer) {
        List<TimelineEntry> entries = timeline.of(c.number());
        if (!c.anonymous() || mayKnowReporter(c, viewer)) {
            return entries;
        }
        return entries.stream().map(e -> e.actor().equals(c.reporter())
                ? new TimelineEntry(e.at(), "anonymous", e.kind(), e.stage(), e.note()) : e).toList();
    }

    private static boolean mayKnowReporter(CaseRecord c, CurrentUser viewer) {
        return viewer.is(Role.ADMIN) || viewer.username().equals(c.reporter());
    }

    private CaseView view(CaseRecord c, CurrentUser viewer, List<TimelineEntry> entries) {
        Region village = regions.find(c.villageCode()).orElseThrow();
        String township = regions.find(village.parentCode()).map(Region::name).orElse(null);
        String categoryName = categories.find(c.categoryCode()).map(Category::nameZh).orElse(c.categoryCode());
        String handler = c.handlingOrg() == null ? null
                : organisations.find(c.handlingOrg()).map(Organisation::name).orElse(c.handlingOrg());
        String reporter = !c.anonymous() || mayKnowReporter(c, viewer) ? c.reporter() : null;
        return new CaseView(c.number(), c.title(), c.description(), c.categoryCode(), categoryName, c.villageCode(),
                village.name(), township, c.status().code(), c.status().nameZh(), c.urgency(), handler,
                c.outcomeNote(), reporter, c.anonymous(), c.lat(), c.lon(), c.address(), c.supporters(),
                c.createdAt(), c.updatedAt(), c.closedAt(), c.handling(), c.isOverdue(), entries);
    }
}
