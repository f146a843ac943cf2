package cn.minqing.visits;

import cn.minqing.attachments.Attachments;
import cn.minqing.cases.Cases;
import cn.minqing.households.Household;
import cn.minqing.households.HouseholdFiles;
import cn.minqing.intake.CaseFiling;
import cn.minqing.intake.CaseReport;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a visit (民情走访) and files each need not solved on the spot as a case through the normal filing path,
 * for the head of household (代办) or anonymously, linked back to the visit: all in one transaction, nothing
 * stored when anything is wrong.
 */
@Service
class VisitRecording {

    static final int MAX_NEEDS = 20;
    private final Visits visits;
    private final HouseholdFiles households;
    private final CaseFiling filing;
    private final Cases cases;
    private final AuditLog audit;
    private final Attachments attachments;

    VisitRecording(Visits visits, HouseholdFiles households, CaseFiling filing, Cases cases, AuditLog audit,
                   Attachments attachments) {
        this.attachments = attachments;
        this.visits = visits;
        this.households = households;
        this.filing = filing;
        this.cases = cases;
        this.audit = audit;
    }

    record Recorded(long id, List<String> cases) {
    }

    @Transactional
    public Recorded record(VisitRequest r, CurrentUser me) {
        Optional<Household> household = visitable(r.household(), me);
        List<FieldProblem> problems = VisitChecks.problems(r, household.isPresent());
        List<CaseReport> reports = new ArrayList<>();
        for (int i = 0; i < r.needList().size(); i++) {
            VisitRequest.Need need = r.needList().get(i);
            if (need == null || need.solved()) {
                continue;
            }
            CaseReport report = household.map(h -> caseReport(need, h, r)).orElse(null);
            if (report != null) {
                String prefix = "needs[" + i + "].";
                filing.problems(report, me).forEach(p -> problems.add(new FieldProblem(prefix + p.field(),
                        p.messageKey(), p.args())));
            }
            reports.add(report);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Household h = household.orElseThrow();
        long id = visits.insert(h.id(), me.username(), r.visitedAt(), strip(r.met()), strip(r.notes()), r.lat(), r.lon());
        audit.record(me.username(), "visit.recorded", "visit:" + id, "household:" + h.id());
        List<String> numbers = new ArrayList<>();
        int next = 0;
        for (VisitRequest.Need need : r.needList()) {
            String number = null;
            if (!need.solved()) {
                number = filing.file(reports.get(next++), me, null).number();
                cases.cameFromVisit(number, id);
                audit.record(me.username(), "visit.need-filed", number, "visit:" + id);
                numbers.add(number);
            }
            visits.insertNeed(id, need, number);
        }
        return new Recorded(id, numbers);
    }

    /** A file sent with a visit from the phone page. */
    record Upload(String fileName, byte[] bytes) {
    }

    /** A visit with a photo and a voice note, as the phone page sends it: all stored, or none. */
    @Transactional
    public Recorded record(VisitRequest r, CurrentUser me, List<Upload> files) {
        Recorded recorded = record(r, me);
        for (Upload f : files) {
            attach(recorded.id(), f.fileName(), f.bytes(), me);
        }
        return recorded;
    }

    /** A photo, video or voice note of a visit, checked and stripped of hidden metadata as for cases. */
    @Transactional
    public long attach(long visitId, String fileName, byte[] bytes, CurrentUser me) {
        Attachments.StoredMedia m = attachments.store(fileName, bytes);
        long id = visits.insertAttachment(visitId, m.kind(), m.contentType(), m.fileName(), m.sizeBytes(), m.sha256(),
                me.username());
        audit.record(me.username(), "visit.attachment-added", "visit:" + visitId, m.contentType() + " " + m.sha256());
        return id;
    }

    /** The household, if this person may record a visit to it: those who serve it, its cadres, admins. */
    private Optional<Household> visitable(Long id, CurrentUser me) {
        if (id == null || !(me.is(Role.ADMIN) || me.is(Role.CADRE) || me.is(Role.PARTY_MEMBER))) {
            return Optional.empty();
        }
        try {
            return Optional.of(households.visible(id, me)).filter(Household::active);
        } catch (ApiException notVisible) {
            return Optional.empty();
        }
    }

    /**
     * The case a need becomes: filed for the head of household when they have an account (else by the visitor),
     * in the household's village; an anonymous need carries neither the household's address nor its place.
     */
    private static CaseReport caseReport(VisitRequest.Need n, Household h, VisitRequest r) {
        boolean anonymous = n.isAnonymous();
        String description = n.description() == null || n.description().isBlank() ? n.title() : n.description();
        boolean visitPlace = r.lat() != null && r.lon() != null; // a half place is the visit's own problem
        Double lat = anonymous ? null : visitPlace ? r.lat() : h.lat();
        Double lon = anonymous ? null : visitPlace ? r.lon() : h.lon();
        return new CaseReport(n.title(), description, n.category(), h.villageCode(), lat, lon,
                anonymous ? null : h.address(), anonymous, h.headAccount());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
