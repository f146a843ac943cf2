package cn.minqing.plans;

import cn.minqing.cases.CaseClock;
import cn.minqing.county.Categories;
import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import cn.minqing.deadlines.Calendars;
import cn.minqing.deadlines.WorkCalendar;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checks a plan request all together: every wrong field is named at once (in the message bundles), nothing is stored. */
@Component
class PlanCheck {

    static final int MAX_MILESTONES = 20;
    static final int MAX_WORKING_DAYS = 750;

    private final Regions regions;
    private final Categories categories;
    private final Organisations organisations;
    private final Calendars calendars;
    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final cn.minqing.county.PartyBranches branches;
    private final PartyMemberAssignees partyMembers;

    PlanCheck(Regions regions, Categories categories, Organisations organisations, Calendars calendars, JdbcClient jdbc,
              @Value("${minqing.time-zone:Asia/Shanghai}") String zone, cn.minqing.county.PartyBranches branches,
              PartyMemberAssignees partyMembers) {
        this.branches = branches;
        this.partyMembers = partyMembers;
        this.regions = regions;
        this.categories = categories;
        this.organisations = organisations;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    NewPlan check(PlanRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "title", r.title(), 100, true);
        text(problems, "problem", r.problem(), 2000, true);
        text(problems, "source", r.source(), 300, false);
        text(problems, "query", r.query(), 200, false);
        if (blank(r.region())) {
            problems.add(new FieldProblem("region", "plan.field.required"));
        } else if (r.region().length() > 16 || regions.find(r.region()).isEmpty()) {
            problems.add(new FieldProblem("region", "plan.region.unknown"));
        }
        List<String> cats = codes(r.categories());
        for (String c : cats) {
            if (c.length() > 32 || categories.find(c).isEmpty()) {
                problems.add(new FieldProblem("categories", "plan.category.unknown", c.length() > 32 ? c.substring(0, 32) : c));
            }
        }
        if (cats.isEmpty() && blank(r.query())) {
            problems.add(new FieldProblem("categories", "plan.scope.required"));
        }
        organisations(problems, r);
        ownerBranch(problems, r);
        indicatorAndTarget(problems, r);
        LocalDate today = CaseClock.now().atZoneSameInstant(zone).toLocalDate();
        LocalDate targetDate = date(problems, "targetDate", r.targetDate(), today);
        List<NewPlan.Milestone> milestones = milestones(problems, r.milestones(), today, targetDate);
        partyMembers.check(problems, r);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewPlan(r.title().strip(), r.problem().strip(), stripped(r.source()), r.region(), cats,
                stripped(r.query()), r.leadOrganisation(), codes(r.coOrganisations()), r.indicator(),
                new BigDecimal(r.target().strip()), targetDate, milestones, Boolean.TRUE.equals(r.isPublic()),
                blank(r.ownerBranch()) ? null : r.ownerBranch().strip());
    }

    private void organisations(List<FieldProblem> problems, PlanRequest r) {
        if (blank(r.leadOrganisation())) {
            problems.add(new FieldProblem("leadOrganisation", "plan.field.required"));
        } else if (r.leadOrganisation().length() > 32 || organisations.find(r.leadOrganisation()).isEmpty()) {
            problems.add(new FieldProblem("leadOrganisation", "plan.organisation.unknown"));
        }
        for (String o : codes(r.coOrganisations())) {
            if (o.length() > 32 || organisations.find(o).isEmpty() || o.equals(r.leadOrganisation())) {
                problems.add(new FieldProblem("coOrganisations", "plan.organisation.unknown"));
                break;
            }
        }
    }

    /** 党支部 as the plan's owner: a party branch inside the plan's region. */
    private void ownerBranch(List<FieldProblem> problems, PlanRequest r) {
        if (blank(r.ownerBranch())) {
            return;
        }
        var branch = r.ownerBranch().length() > 32 ? null : branches.find(r.ownerBranch().strip()).orElse(null);
        if (branch == null) {
            problems.add(new FieldProblem("ownerBranch", "plan.ownerBranch.unknown"));
        } else if (!blank(r.region()) && !regions.pathOf(branch.regionCode()).contains(r.region())) {
            problems.add(new FieldProblem("ownerBranch", "plan.ownerBranch.outside", branch.name()));
        }
    }

    private void indicatorAndTarget(List<FieldProblem> problems, PlanRequest r) {
        String unit = blank(r.indicator()) || r.indicator().length() > 40 ? null
                : jdbc.sql("select unit from minqing.indicator where code = ? and applies_to = 'cases'")
                        .param(r.indicator()).query(String.class).optional().orElse(null);
        if (blank(r.indicator())) {
            problems.add(new FieldProblem("indicator", "plan.field.required"));
        } else if (unit == null) {
            problems.add(new FieldProblem("indicator", "plan.indicator.unknown"));
        }
        if (blank(r.target())) {
            problems.add(new FieldProblem("target", "plan.field.required"));
            return;
        }
        try {
            BigDecimal t = new BigDecimal(r.target().strip());
            boolean rate = "%".equals(unit);
            if (t.signum() < 0 || t.compareTo(rate ? BigDecimal.ONE : new BigDecimal("1e9")) > 0) {
                problems.add(new FieldProblem("target", rate ? "plan.target.rate" : "plan.target.invalid"));
            }
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("target", "plan.target.invalid"));
        }
    }

    private List<NewPlan.Milestone> milestones(List<FieldProblem> problems, List<PlanRequest.Milestone> given,
                                               LocalDate today, LocalDate targetDate) {
        if (given == null || given.isEmpty() || given.size() > MAX_MILESTONES) {
            problems.add(new FieldProblem("milestones", "plan.milestones.count", MAX_MILESTONES));
            return List.of();
        }
        WorkCalendar calendar = calendars.current();
        List<NewPlan.Milestone> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PlanRequest.Milestone m = given.get(i);
            String field = "milestones[" + i + "]";
            if (m == null) {
                problems.add(new FieldProblem(field, "plan.field.required"));
                continue;
            }
            text(problems, field + ".title", m.title(), 100, true);
            LocalDate due = due(problems, field + ".due", m.due(), today, calendar);
            if (due != null && targetDate != null && due.isAfter(targetDate)) {
                problems.add(new FieldProblem(field + ".due", "plan.due.afterTarget"));
            }
            if (!blank(m.assignee()) && (m.assignee().length() > 64 || jdbc.sql(
                    "select count(*) from minqing.app_user where username = ? and enabled").param(m.assignee())
                    .query(Integer.class).single() == 0)) {
                problems.add(new FieldProblem(field + ".assignee", "plan.assignee.unknown"));
            }
            result.add(new NewPlan.Milestone(m.title() == null ? null : m.title().strip(), due,
                    blank(m.assignee()) ? null : m.assignee()));
        }
        return result;
    }

    /** A working day from today on, given as a date or as a number of working days from today. */
    private static LocalDate due(List<FieldProblem> problems, String field, String value, LocalDate today,
                                 WorkCalendar calendar) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "plan.field.required"));
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,4}")) {
            int days = Integer.parseInt(v);
            if (days < 1 || days > MAX_WORKING_DAYS) {
                problems.add(new FieldProblem(field, "plan.due.invalid", MAX_WORKING_DAYS));
                return null;
            }
            return calendar.plusWorkingDays(today.atStartOfDay(), days).toLocalDate();
        }
        LocalDate d = date(problems, field, v, today);
        if (d != null && !calendar.isWorkingDay(d)) {
            problems.add(new FieldProblem(field, "plan.due.notWorkingDay"));
            return null;
        }
        return d;
    }

    private static LocalDate date(List<FieldProblem> problems, String field, String value, LocalDate today) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "plan.field.required"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isAfter(today) && !d.isAfter(today.plusYears(3))) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        problems.add(new FieldProblem(field, "plan.date.invalid"));
        return null;
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
        if (required && blank(value)) {
            problems.add(new FieldProblem(field, "plan.field.required"));
        } else if (value != null && value.strip().length() > max) {
            problems.add(new FieldProblem(field, "plan.field.tooLong", max));
        }
    }

    /** The codes given, without blanks and repeats, in their order. */
    private static List<String> codes(List<String> given) {
        if (given == null) {
            return List.of();
        }
        return given.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .filter(new HashSet<>()::add).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String stripped(String s) {
        return blank(s) ? null : s.strip();
    }
}
