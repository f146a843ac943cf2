package cn.minqing.visits;

import cn.minqing.cases.CaseStatus;
import cn.minqing.households.Household;
import cn.minqing.households.HouseholdHistory;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A household's visits and cases for its page: cases found on its visits and those its head reported. */
@Component
class VisitHistory implements HouseholdHistory {

    private final Visits visits;
    private final JdbcClient jdbc;

    VisitHistory(Visits visits, JdbcClient jdbc) {
        this.visits = visits;
        this.jdbc = jdbc;
    }

    /** A case of the household with its outcome; anonymous cases only for admins. */
    record HouseholdCase(String number, String title, String status, String statusName, String channel,
                         OffsetDateTime createdAt, OffsetDateTime closedAt, String outcomeNote) {
    }

    @Override
    public List<VisitView> visits(Household household, CurrentUser viewer) {
        return visits.ofHousehold(household.id()).stream().map(v -> view(v, viewer)).toList();
    }

    @Override
    public List<HouseholdCase> cases(Household household, CurrentUser viewer) {
        return jdbc.sql("""
                select c.number, c.title, c.status, c.channel, c.created_at, c.closed_at, c.outcome_note
                  from minqing.case_record c
                 where (c.visit_id in (select id from minqing.visit where household_id = ?) or c.reporter = ?)
                   and (not c.anonymous or ?)
                 order by c.created_at desc limit 100
                """).params(household.id(), household.headAccount(), viewer.is(Role.ADMIN))
                .query((rs, n) -> new HouseholdCase(rs.getString("number"), rs.getString("title"),
                        rs.getString("status"), CaseStatus.of(rs.getString("status")).nameZh(), rs.getString("channel"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getString("outcome_note")))
                .list();
    }

    VisitView view(Visits.VisitRow v, CurrentUser viewer) {
        boolean admin = viewer.is(Role.ADMIN);
        List<VisitView.NeedView> needs = visits.needsOf(v.id()).stream()
                .map(n -> n.anonymous() && !admin
                        ? new VisitView.NeedView(null, null, true, n.solvedOnSpot(), null)
                        : new VisitView.NeedView(n.title(), n.categoryCode(), n.anonymous(), n.solvedOnSpot(), n.caseNumber()))
                .toList();
        List<VisitView.AttachmentView> attachments = visits.attachmentsOf(v.id()).stream()
                .map(a -> new VisitView.AttachmentView(a.id(), a.kind(), a.contentType(), a.sizeBytes(), a.uploadedAt()))
                .toList();
        return new VisitView(v.id(), v.householdId(), v.visitor(), v.visitorName(), v.visitedAt(), v.met(), v.notes(),
                v.lat(), v.lon(), needs, attachments);
    }
}
