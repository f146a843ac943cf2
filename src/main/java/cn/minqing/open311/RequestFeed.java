package cn.minqing.open311;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.cases.PeopleOnCase;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as GeoReport service requests, for whoever may see them and no one else: a villager their own reports,
 * a cadre or leader their region's cases (a county bureau only its categories and the cases handed to it), an
 * admin all. No request names its reporter; status is {@code open} or {@code closed}, our own status is kept in
 * {@code status_notes} (the outcome once closed, with an anonymous reporter's name scrubbed out).
 */
@Service
class RequestFeed {

    static final int MOST = 1000;
    private final JdbcClient jdbc;
    private final Cases cases;
    private final CaseViews views;
    private final PeopleOnCase people;
    private final Regions regions;
    private final Categories categories;
    private final Organisations organisations;
    private final Clock clock;

    RequestFeed(JdbcClient jdbc, Cases cases, CaseViews views, PeopleOnCase people, Regions regions,
                Categories categories, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.views = views;
        this.people = people;
        this.regions = regions;
        this.categories = categories;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** What a GET of requests asks for, already checked. */
    record Query(List<String> numbers, List<String> serviceCodes, OffsetDateTime from, OffsetDateTime to,
                 List<String> statuses) {
    }

    @Transactional(readOnly = true)
    List<Map<String, Object>> find(Query q, CurrentUser viewer) {
        boolean everywhere = viewer.is(Role.ADMIN);
        boolean region = !everywhere && (viewer.is(Role.CADRE) || viewer.is(Role.LEADER)) && viewer.scopeRegion() != null;
        String[] villages = region ? regions.allWithin(viewer.scopeRegion()).stream().map(Region::code).toArray(String[]::new)
                : new String[0];
        List<String> limit = viewer.categoryLimit();
        List<String> numbers = jdbc.sql("""
                select number from minqing.case_record
                 where (? or reporter = ? or (village_code = any(?) and (? or category_code = any(?) or handling_org = ?)))
                   and (? or number = any(?))
                   and (? or category_code = any(?))
                   and (? or (case when status in ('solved', 'unsolvable', 'rejected', 'merged', 'answered') then 'closed' else 'open' end) = any(?))
                   and created_at >= ? and created_at < ?
                 order by created_at desc limit ?
                """).params(everywhere, viewer.username(), villages, limit.isEmpty(), limit.toArray(String[]::new),
                        viewer.organisationCode(),
                        q.numbers().isEmpty(), q.numbers().toArray(String[]::new),
                        q.serviceCodes().isEmpty(), q.serviceCodes().toArray(String[]::new),
                        q.statuses().isEmpty(), q.statuses().toArray(String[]::new),
                        q.from(), q.to(), MOST)
                .query(String.class).list();
        return cases.byNumbers(numbers).stream().filter(c -> views.mayView(c, viewer))
                .sorted(Comparator.comparing(CaseRecord::createdAt).reversed())
                .map(c -> request(c, viewer)).toList();
    }

    @Transactional(readOnly = true)
    Map<String, Object> one(String number, CurrentUser viewer) {
        return cases.find(number).filter(c -> views.mayView(c, viewer)).map(c -> request(c, viewer))
                .orElseThrow(() -> ApiException.notFound("open311.request.unknown", number));
    }

    private Map<String, Object> request(CaseRecord c, CurrentUser viewer) {
        Region village = regions.find(c.villageCode()).orElse(null);
        String township = village == null ? null : regions.find(village.parentCode()).map(Region::name).orElse(null);
        String place = village == null ? c.villageCode() : (township == null ? "" : township) + village.name();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.number());
        r.put("status", c.status().isFinal() ? "closed" : "open");
        r.put("status_notes", c.status().isFinal() && c.outcomeNote() != null
                ? c.status().nameZh() + "：" + people.forViewer(c, viewer).scrub(c.outcomeNote()) : c.status().nameZh());
        r.put("service_name", categories.find(c.categoryCode()).map(Category::nameZh).orElse(c.categoryCode()));
        r.put("service_code", c.categoryCode());
        r.put("description", c.description());
        r.put("agency_responsible", c.handlingOrg() == null ? null
                : organisations.find(c.handlingOrg()).map(Organisation::name).orElse(c.handlingOrg()));
        r.put("service_notice", null);
        r.put("requested_datetime", GeoReport.time(c.createdAt(), clock.getZone()));
        r.put("updated_datetime", GeoReport.time(c.updatedAt(), clock.getZone()));
        r.put("expected_datetime", c.status().isFinal() ? null : GeoReport.time(c.handling().resolveDue(), clock.getZone()));
        r.put("address", c.address() == null ? place : place + " " + c.address());
        r.put("address_id", c.villageCode());
        r.put("zipcode", null);
        r.put("lat", c.lat());
        r.put("long", c.lon());
        r.put("media_url", null);
        r.put("title", c.title());
        r.put("minqing_status", c.status().code());
        return r;
    }
}
