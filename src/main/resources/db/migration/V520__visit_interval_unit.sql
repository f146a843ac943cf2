-- 民情走访 schedules in working days or calendar days (issue 17): a tag's interval has a unit, as data. Working days
-- count the county's working-day calendar (calendar_day, entered by admins, as casework's deadlines do) in the
-- county's time zone (case_rollup_zone, kept by the app); calendar days stay the default, so a weekly visit to an
-- elderly person living alone (独居老人) does not slip over a holiday week.
alter table household_tag
    add column interval_unit varchar(16) not null default 'calendar-days'
        check (interval_unit in ('calendar-days', 'working-days'));

-- The same time of day `days` working days after `start`, as cn.minqing.deadlines.WorkCalendar#plusWorkingDays:
-- a day is a working day when entered as one (调休), else Monday to Friday unless entered as a holiday. The entries
-- of the days ahead are read once into two arrays (a window far longer than any run of holidays), so the count runs
-- in memory: a few tens of microseconds a call, as lists and figures call it once per household or visit.
create function plus_working_days(start timestamptz, days int) returns timestamptz language plpgsql stable as $$
declare
    zone      text := coalesce((select time_zone from minqing.case_rollup_zone limit 1), 'Asia/Shanghai');
    local     timestamp := start at time zone zone;
    d         date := (start at time zone zone)::date;
    horizon   date := (start at time zone zone)::date + greatest(days, 0) * 3 + 30;
    remaining int := days;
    holidays  date[];
    workdays  date[];
    kind      text;
begin
    select coalesce(array_agg(c.day) filter (where c.kind = 'holiday'), '{}'),
           coalesce(array_agg(c.day) filter (where c.kind = 'workday'), '{}')
      into holidays, workdays
      from minqing.calendar_day c where c.day > d and c.day <= horizon;
    while remaining > 0 loop
        d := d + 1;
        if d > horizon then
            kind := (select c.kind from minqing.calendar_day c where c.day = d);
        elsif d = any(workdays) then
            kind := 'workday';
        elsif d = any(holidays) then
            kind := 'holiday';
        else
            kind := null;
        end if;
        if kind = 'workday' or (kind is null and extract(isodow from d) < 6) then
            remaining := remaining - 1;
        end if;
    end loop;
    return (d + local::time) at time zone zone;
end
$$;

-- A household's schedule counted from `since` (its last visit, or when it was recorded): of its tags the one whose
-- next visit comes first, with its interval and unit; untagged households every 90 calendar days
-- (cn.minqing.households.Household#DEFAULT_INTERVAL_DAYS).
create function household_schedule(hid bigint, since timestamptz)
    returns table (interval_days int, interval_unit varchar, due timestamptz) language sql stable as $$
    select s.interval_days, s.interval_unit, s.due from (
        select t.visit_interval_days as interval_days, t.interval_unit,
               case t.interval_unit when 'working-days' then minqing.plus_working_days(since, t.visit_interval_days)
                    else since + make_interval(days => t.visit_interval_days) end as due
          from minqing.household_tagging ht join minqing.household_tag t on t.code = ht.tag_code
         where ht.household_id = hid
        union all
        select 90, 'calendar-days'::varchar, since + make_interval(days => 90)
         where not exists (select 1 from minqing.household_tagging ht where ht.household_id = hid)
    ) s order by s.due, s.interval_days limit 1
$$;
