package cn.minqing.spotchecks;

import cn.minqing.cases.Timeline;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抽查回访: a sample of the month's cases closed as solved with a satisfied (or basically satisfied) rating given in the
 * app, which the county centre phones to confirm. Anonymous reporters are never drawn. The county centre's staff and
 * admins draw and record; leaders read the checks of their region.
 */
@Service
public class SpotChecks {

    static final int MOST = 200;
    static final String CENTRE = "county-centre";
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Regions regions;
    private final ZoneId zone;

    SpotChecks(JdbcClient jdbc, Timeline timeline, AuditLog audit, Regions regions,
               @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.audit = audit;
        this.regions = regions;
        this.zone = ZoneId.of(zone);
    }

    /** One drawn case and what the call found. */
    public record SpotCheck(long id, String month, String caseNumber, String title, String villageCode, String category,
                            String rating, OffsetDateTime closedAt, String result, String note, String checkedBy,
                            OffsetDateTime checkedAt) {
    }

    /** A month's checks and their figures; {@code confirmationRate} = confirmed ÷ checked. */
    public record Month(String month, int drawn, int checked, int confirmed, int disputed, Double confirmationRate,
                        List<SpotCheck> checks) {
    }

    /** Draws up to {@code size} more cases of the month that were not drawn yet; the cases drawn now. */
    @Transactional
    public List<SpotCheck> draw(String month, Integer size, CurrentUser who) {
        mayDraw(who);
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth m = month(month, problems);
        if (size == null || size < 1 || size > MOST) {
            problems.add(new FieldProblem("size", "spotCheck.size.range", MOST));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('minqing.spot_check'))").query(Integer.class).single();
        List<String> numbers = jdbc.sql("""
                select c.number from minqing.case_record c
                 where c.status = 'solved' and c.rating in ('satisfied', 'basically') and c.rated_by is null
                   and not c.anonymous and c.closed_at >= ? and c.closed_at < ?
                   and not exists (select 1 from minqing.spot_check s where s.month = ? and s.case_number = c.number)
                 order by random() limit ?
                """).params(start(m), start(m.plusMonths(1)), m.toString(), size).query(String.class).list();
        for (String n : numbers) {
            jdbc.sql("insert into minqing.spot_check (month, case_number, drawn_by) values (?, ?, ?)")
                    .params(m.toString(), n, who.username()).update();
        }
        audit.record(who.username(), "spot-check.drawn", m.toString(), numbers.size() + " cases");
        return month(m.toString(), who).checks().stream().filter(c -> numbers.contains(c.caseNumber())).toList();
    }

    /** The monthly draw: only when nothing of the month was drawn yet, checked under the same lock as drawing. */
    @Transactional
    public List<SpotCheck> drawOnce(YearMonth m, int size, CurrentUser who) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('minqing.spot_check'))").query(Integer.class).single();
        boolean drawn = jdbc.sql("select count(*) from minqing.spot_check where month = ?").param(m.toString())
                .query(Integer.class).single() > 0;
        return drawn ? List.of() : draw(m.toString(), size, who);
    }

    @Transactional(readOnly = true)
    public Month month(String month, CurrentUser who) {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth m = month(month, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!(isCentre(who) || who.is(Role.ADMIN) || who.is(Role.LEADER))) {
            throw ApiException.forbidden("spotCheck.forbidden");
        }
        List<SpotCheck> checks = jdbc.sql("""
                select s.id, s.month, s.case_number, c.title, c.village_code, c.category_code as category, c.rating,
                       c.closed_at, s.result, s.note, s.checked_by, s.checked_at
                  from minqing.spot_check s join minqing.case_record c on c.number = s.case_number
                 where s.month = ? order by s.id
                """).param(m.toString()).query(SpotCheck.class).list().stream()
                .filter(c -> isCentre(who) || who.is(Role.ADMIN) || who.covers(regions.pathOf(c.villageCode()))).toList();
        int checked = (int) checks.stream().filter(c -> c.result() != null).count();
        int confirmed = (int) checks.stream().filter(c -> "confirmed".equals(c.result())).count();
        Double rate = checked == 0 ? null : Math.round(confirmed * 10000.0 / checked) / 10000.0;
        return new Month(m.toString(), checks.size(), checked, confirmed, checked - confirmed, rate, checks);
    }

    /** The centre records what the villager said on the phone; a disputed case says so on its timeline. */
    @Transactional
    public SpotCheck record(long id, String result, String note, CurrentUser who) {
        mayDraw(who);
        List<FieldProblem> problems = new ArrayList<>();
        if (!"confirmed".equals(result) && !"disputed".equals(result)) {
            problems.add(new FieldProblem("result", "spotCheck.result.choice"));
        }
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "spotCheck.note.size", 2000));
        }
        if ("disputed".equals(result) && (note == null || note.isBlank())) {
            problems.add(new FieldProblem("note", "spotCheck.note.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String number = jdbc.sql("select case_number from minqing.spot_check where id = ? for update").param(id)
                .query(String.class).optional().orElseThrow(() -> ApiException.notFound("spotCheck.notFound", id));
        int updated = jdbc.sql("""
                update minqing.spot_check set result = ?, note = ?, checked_by = ?, checked_at = now()
                 where id = ? and result is null
                """).params(result, note == null || note.isBlank() ? null : note.strip(), who.username(), id).update();
        if (updated == 0) {
            throw ApiException.conflict("spotCheck.alreadyChecked");
        }
        timeline.record(number, who.username(), "spot-check-" + result, null,
                "disputed".equals(result) ? "抽查回访：群众表示问题没有解决。" + note.strip() : "抽查回访：群众确认问题已解决。");
        audit.record(who.username(), "spot-check." + result, number, note);
        String month = jdbc.sql("select month from minqing.spot_check where id = ?").param(id).query(String.class).single();
        return month(month, who).checks().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    static boolean isCentre(CurrentUser who) {
        return CENTRE.equals(who.organisationKind()); // its staff, and its leaders (the demo's leader1)
    }

    private static void mayDraw(CurrentUser who) {
        if (!isCentre(who) && !who.is(Role.ADMIN)) {
            throw ApiException.forbidden("spotCheck.forbidden");
        }
    }

    private static YearMonth month(String month, List<FieldProblem> problems) {
        try {
            return YearMonth.parse(String.valueOf(month).strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new FieldProblem("month", "spotCheck.month.invalid"));
            return null;
        }
    }

    private OffsetDateTime start(YearMonth m) {
        return m.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
