package cn.minqing.deadlines;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar years in the database, and the working-day calendar built from them. The built calendar is
 * kept until a year changes, on this instance or another (a small revision query notices).
 */
@Repository
public class Calendars {

    private record Built(String revision, WorkCalendar calendar) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private volatile Built built = new Built(null, null);

    Calendars(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The working-day calendar of every entered year, as this transaction sees them. */
    public WorkCalendar current() {
        String revision = jdbc.sql("select coalesce(string_agg(year || ':' || revision, ',' order by year), '') from minqing.calendar_year")
                .query(String.class).single();
        Built b = built;
        if (!revision.equals(b.revision())) {
            b = new Built(revision, WorkCalendar.of(jdbc.sql("select day as date, kind, name from minqing.calendar_day")
                    .query(CalendarDay.class).list()));
            built = b;
        }
        return b.calendar();
    }

    public List<KnownYear> years() {
        return jdbc.sql("""
                select y.year, y.source, y.entered_by, y.entered_at,
                       count(d.day) filter (where d.kind = 'holiday')::int as holidays,
                       count(d.day) filter (where d.kind = 'workday')::int as workdays
                  from minqing.calendar_year y left join minqing.calendar_day d on d.year = y.year
                 group by y.year order by y.year
                """).query(KnownYear.class).list();
    }

    /** The year's days in date order, or empty when the year has not been entered. */
    public Optional<List<CalendarDay>> days(int year) {
        boolean known = jdbc.sql("select count(*) from minqing.calendar_year where year = ?").param(year)
                .query(Integer.class).single() > 0;
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select day as date, kind, name from minqing.calendar_day where year = ? order by day")
                .param(year).query(CalendarDay.class).list());
    }

    /** An admin enters a year or replaces it; files never overwrite it afterwards. Days must be checked already. */
    @Transactional
    public void replace(int year, List<CalendarDay> days, String admin) {
        jdbc.sql("""
                insert into minqing.calendar_year (year, source, entered_by, entered_at) values (?, 'admin', ?, now())
                on conflict (year) do update set source = 'admin', entered_by = excluded.entered_by,
                       entered_at = now(), revision = nextval('minqing.calendar_revision')
                """).params(year, admin).update();
        jdbc.sql("delete from minqing.calendar_day where year = ?").param(year).update();
        insertDays(year, days);
        events.publishEvent(new CalendarChanged(year, year + "年节假日安排已由管理员更新"));
    }

    /** The year becomes "not entered" again; true if it was entered. */
    @Transactional
    public boolean remove(int year) {
        boolean removed = jdbc.sql("delete from minqing.calendar_year where year = ?").param(year).update() > 0;
        if (removed) {
            events.publishEvent(new CalendarChanged(year, year + "年节假日安排已被删除"));
        }
        return removed;
    }

    /**
     * Adds a shipped year unless the year is already there (from a file or an admin); a year known only by its
     * statutory holidays is replaced by the notice. True if added or replaced.
     */
    @Transactional
    boolean seed(int year, List<CalendarDay> days) {
        boolean added = jdbc.sql("""
                insert into minqing.calendar_year (year, source) values (?, 'file')
                on conflict (year) do update set source = 'file', entered_by = null, entered_at = now(),
                       revision = nextval('minqing.calendar_revision')
                 where calendar_year.source = 'statutory'
                """).param(year).update() > 0;
        if (added) {
            jdbc.sql("delete from minqing.calendar_day where year = ?").param(year).update();
            insertDays(year, days);
            events.publishEvent(new CalendarChanged(year, year + "年节假日安排已载入"));
        }
        return added;
    }

    /** Adds a year's statutory holidays unless the year is there in any form; true if added. */
    @Transactional
    boolean seedStatutory(int year, List<CalendarDay> days) {
        boolean added = jdbc.sql("insert into minqing.calendar_year (year, source) values (?, 'statutory') on conflict (year) do nothing")
                .param(year).update() > 0;
        if (added) {
            insertDays(year, days);
            events.publishEvent(new CalendarChanged(year, year + "年法定节假日已按放假办法暂行计入，待国务院通知发布后更新"));
        }
        return added;
    }

    private void insertDays(int year, List<CalendarDay> days) {
        for (CalendarDay d : days) {
            jdbc.sql("insert into minqing.calendar_day (day, year, kind, name) values (?, ?, ?, ?)")
                    .params(d.date(), year, d.kind(), d.name()).update();
        }
    }
}
