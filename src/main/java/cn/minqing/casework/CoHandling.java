package cn.minqing.casework;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.cases.CoOrganisation;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.deadlines.Calendars;
import cn.minqing.platform.web.FieldProblem;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Joint handling (协办) as the lead organisation plans it at design: which co-organisations, each with its working
 * days and its part of the plan; and who co-signs the plan (会签): the lead, its departments and the co-organisations.
 */
@Component
class CoHandling {

    static final int MAX_DAYS = 60;

    /** A checked plan: the co-organisations, who signs, each co-organisation's part, and what was wrong. */
    record Plan(List<CoOrganisation> coOrganisations, List<String> cosigners, Map<String, String> parts,
                List<FieldProblem> problems) {
    }

    private final Organisations organisations;
    private final Cases cases;
    private final Calendars calendars;
    private final int defaultDays;
    private final ZoneId zone;

    CoHandling(Organisations organisations, Cases cases, Calendars calendars,
               @Value("${minqing.casework.co-handle-days:5}") int defaultDays,
               @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.organisations = organisations;
        this.cases = cases;
        this.calendars = calendars;
        this.defaultDays = defaultDays;
        this.zone = ZoneId.of(zone);
    }

    /** Checks a design form's co-organisations: known, active, not the lead, each named once; parts and days theirs. */
    Plan plan(CompletionForm f, CaseRecord c) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> codes = f.coOrganisations() == null ? List.of() : f.coOrganisations();
        Set<String> inactive = Set.copyOf(organisations.inactiveCodes());
        List<CoOrganisation> named = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String field = "coOrganisations[" + i + "]";
            Organisation org = code == null || code.length() > 64 ? null : organisations.find(code).orElse(null);
            if (org == null || inactive.contains(code)) {
                problems.add(new FieldProblem(field, "co-handling.organisation.unknown", code == null ? "" : code));
            } else if (code.equals(c.handlingOrg())) {
                problems.add(new FieldProblem(field, "co-handling.organisation.lead", org.name()));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem(field, "co-handling.organisation.twice", org.name()));
            } else {
                named.add(new CoOrganisation(code, org.name(), days(f, code, problems), CoOrganisation.PLANNED,
                        null, null, null, null));
            }
        }
        if (codes.size() > 10) {
            problems.add(new FieldProblem("coOrganisations", "co-handling.organisations.tooMany", 10));
        }
        Map<String, String> parts = f.coParts() == null ? Map.of() : f.coParts();
        parts.forEach((code, part) -> {
            if (part == null || part.isBlank()) {
                return; // the page sends an empty part for every organisation it offers
            }
            if (!codes.contains(code)) {
                problems.add(new FieldProblem("coParts." + code, "co-handling.notNamed", code));
            } else if (part != null && part.length() > StageRules.MAX_TEXT) {
                problems.add(new FieldProblem("coParts." + code, "task.field.tooLong", StageRules.MAX_TEXT));
            }
        });
        if (f.coDays() != null) {
            f.coDays().keySet().stream().filter(code -> !codes.contains(code))
                    .forEach(code -> problems.add(new FieldProblem("coDays." + code, "co-handling.notNamed", code)));
        }
        return new Plan(named, cosigners(c, f, named), parts, problems);
    }

    private int days(CompletionForm f, String code, List<FieldProblem> problems) {
        Integer days = f.coDays() == null ? null : f.coDays().get(code);
        if (days == null) {
            return defaultDays;
        }
        if (days < 1 || days > MAX_DAYS) {
            problems.add(new FieldProblem("coDays." + code, "co-handling.days.invalid", MAX_DAYS));
        }
        return days;
    }

    /** Every organisation involved signs: the lead first, then the plan's departments, then the co-organisations. */
    private List<String> cosigners(CaseRecord c, CompletionForm f, List<CoOrganisation> named) {
        Set<String> all = new LinkedHashSet<>();
        if (c.handlingOrg() != null) {
            all.add(c.handlingOrg());
        }
        if (f.departments() != null) {
            f.departments().stream().filter(d -> d != null && organisations.find(d).isPresent()).forEach(all::add);
        }
        named.forEach(o -> all.add(o.code()));
        return List.copyOf(all);
    }

    /** The plan's co-organisations replace any earlier plan's (a plan sent back and designed again). */
    void save(String number, Plan plan) {
        cases.setCoOrganisations(number, plan.coOrganisations());
    }

    /** A co-handle task begins: its deadline is its working days from now. */
    OffsetDateTime open(String number, String code) {
        CaseRecord c = cases.find(number).orElseThrow();
        LocalDateTime now = LocalDateTime.ofInstant(CaseClock.now().toInstant(), zone);
        List<CoOrganisation> list = new ArrayList<>(c.handling().coOrganisations());
        OffsetDateTime due = null;
        for (int i = 0; i < list.size(); i++) {
            CoOrganisation o = list.get(i);
            if (o.code().equals(code)) {
                due = calendars.current().plusWorkingDays(now, o.days()).atZone(zone).toOffsetDateTime();
                list.set(i, o.opened(due));
            }
        }
        cases.setCoOrganisations(number, list);
        return due;
    }

    /** A co-organisation reported. */
    void reported(String number, String code) {
        change(number, code, o -> o.reported(CaseClock.now()));
    }

    /** The lead closed the joint handling: each co-organisation still waiting is closed with its reason. */
    List<CoOrganisation> close(String number, Map<String, String> reasons) {
        CaseRecord c = cases.find(number).orElseThrow();
        List<CoOrganisation> list = c.handling().coOrganisations().stream()
                .map(o -> o.waiting() ? o.closed(reasons.get(o.code()), CaseClock.now()) : o).toList();
        cases.setCoOrganisations(number, list);
        return list;
    }

    private void change(String number, String code, java.util.function.UnaryOperator<CoOrganisation> how) {
        CaseRecord c = cases.find(number).orElseThrow();
        cases.setCoOrganisations(number, c.handling().coOrganisations().stream()
                .map(o -> o.code().equals(code) ? how.apply(o) : o).toList());
    }

    String nameOf(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }
}
