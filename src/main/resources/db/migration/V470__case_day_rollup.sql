-- Daily rollups of the cases (每日汇总) for the indicators (issue 16): one row per day reported (in the county's zone),
-- place, category or organisation and, for open cases with a deadline, the UTC day of that deadline (so the overdue
-- count stays exact as time passes). A row belongs to one of four cubes, each keeping only what its queries need
-- ('*' for a dimension rolled up): 1 township × category, 2 village, 3 township × organisation, 4 village × category.
-- (Day × village × category × organisation together would have nearly a row per case.) Every column is a count the case-level formulas (Indicators.SELECT)
-- count, so a period's figures are sums of rows. Kept current in the same transaction as the case change: statement
-- triggers append signed deltas (+ the new row, - the old row) to case_day_delta, which a job folds into
-- case_day_count; readers add both. Rebuildable from the case rows (CaseRollup.rebuild, POST /api/admin/stats/rollup).
-- case_day_duration keeps, per the same keys, how many closed cases took each whole number of hours: the P90 is
-- found in it and then read exactly from the case rows of one hour.

create table case_rollup_zone (
    one       boolean primary key default true check (one),
    time_zone varchar(64) not null
);
insert into case_rollup_zone (time_zone) values ('Asia/Shanghai');

create table case_day_count (
    cube                    smallint not null,
    day                     date not null,
    village_code            varchar(16) not null,
    category_code           varchar(32) not null,
    org                     varchar(32) not null,
    due_day                 date not null,
    received                bigint not null,
    dispatched              bigint not null,
    signed_in_time          bigint not null,
    closed                  bigint not null,
    closed_in_time          bigint not null,
    closed_with_deadline    bigint not null,
    solved                  bigint not null,
    answered                bigint not null,
    extended                bigint not null,
    closed_in_original_time bigint not null,
    satisfied               bigint not null,
    rated                   bigint not null,
    no_response             bigint not null,
    reworked                bigint not null,
    returned                bigint not null,
    supervisions            bigint not null,
    reworks                 bigint not null,
    open_count              bigint not null,
    open_due                bigint not null,
    closed_timed            bigint not null,
    closed_seconds          numeric not null,
    supporters              bigint not null,
    primary key (cube, day, village_code, category_code, org, due_day)
);

create table case_day_delta (like case_day_count);

create table case_day_duration (
    cube          smallint not null,
    day           date not null,
    village_code  varchar(16) not null,
    category_code varchar(32) not null,
    org           varchar(32) not null,
    hours         int not null,
    n             bigint not null,
    primary key (cube, day, village_code, category_code, org, hours)
);

create table case_duration_delta (like case_day_duration);

-- the exact P90 reads one hour of closed cases by their time to close
create index case_record_time_to_close on case_record ((closed_at - created_at))
    where status in ('solved', 'unsolvable');

-- The counts of the case rows in src (a table of case_record rows), times sign; zone is an SQL expression.
-- The cubes: the place, category and organisation each keeps.
create function case_cubes() returns table (cube int, place text, category text, org text) language sql immutable as $$
values (1, 'substr(c.village_code, 1, 4)', 'c.category_code', '''*'''),
       (2, 'c.village_code', '''*''', '''*'''),
       (3, 'substr(c.village_code, 1, 4)', '''*''', 'coalesce(c.handling_org, ''-'')'),
       (4, 'c.village_code', 'c.category_code', '''*''')
$$;

create function case_day_select(src text, sign int, zone text) returns text language sql immutable as $$
select string_agg(format($q$
select %4$s, (c.created_at at time zone %3$s)::date as day, %5$s, %6$s, %7$s,
       case when c.closed_at is null and c.status not in ('rejected', 'merged') and c.resolve_due is not null
            then (c.resolve_due at time zone 'UTC')::date else 'infinity'::date end as due_day,
       %2$s * count(*),
       %2$s * count(*) filter (where c.sign_due is not null),
       %2$s * count(*) filter (where c.signed_at is not null and c.signed_at <= c.sign_due),
       %2$s * count(*) filter (where c.status in ('solved', 'unsolvable')),
       %2$s * count(*) filter (where c.status in ('solved', 'unsolvable') and c.resolve_due is not null
                                and c.closed_at <= c.resolve_due),
       %2$s * count(*) filter (where c.status in ('solved', 'unsolvable') and c.resolve_due is not null),
       %2$s * count(*) filter (where c.status = 'solved'),
       %2$s * count(*) filter (where c.status = 'answered'),
       %2$s * count(*) filter (where c.extensions > 0),
       %2$s * count(*) filter (where c.status in ('solved', 'unsolvable') and c.resolve_due is not null
                                and c.closed_at <= coalesce(c.resolve_due_original, c.resolve_due)),
       %2$s * count(*) filter (where c.rating in ('satisfied', 'basically')),
       %2$s * count(*) filter (where c.rating in ('satisfied', 'basically', 'dissatisfied')),
       %2$s * count(*) filter (where c.rating = 'no-response'),
       %2$s * count(*) filter (where c.reworks > 0 and c.status in ('solved', 'unsolvable')),
       %2$s * count(*) filter (where c.returns > 0),
       %2$s * coalesce(sum(c.supervisions), 0),
       %2$s * coalesce(sum(c.reworks), 0),
       %2$s * count(*) filter (where c.closed_at is null and c.status not in ('rejected', 'merged')),
       %2$s * count(*) filter (where c.closed_at is null and c.status not in ('rejected', 'merged') and c.resolve_due is not null),
       %2$s * count(c.closed_at) filter (where c.status in ('solved', 'unsolvable')),
       %2$s * coalesce(sum(extract(epoch from c.closed_at - c.created_at)) filter (where c.status in ('solved', 'unsolvable')), 0),
       %2$s * coalesce(sum(c.supporters), 0)
  from %1$s c group by 1, 2, 3, 4, 5, 6
$q$, src, sign, zone, k.cube, k.place, k.category, k.org), ' union all ') from minqing.case_cubes() k
$$;

create function case_duration_select(src text, sign int, zone text) returns text language sql immutable as $$
select string_agg(format($q$
select %4$s, (c.created_at at time zone %3$s)::date, %5$s, %6$s, %7$s,
       floor(extract(epoch from c.closed_at - c.created_at) / 3600)::int, %2$s * count(*)
  from %1$s c where c.status in ('solved', 'unsolvable') and c.closed_at is not null group by 1, 2, 3, 4, 5, 6
$q$, src, sign, zone, k.cube, k.place, k.category, k.org), ' union all ') from minqing.case_cubes() k
$$;

-- Appends what a statement changed: minus the old rows, plus the new ones. Made from the selects above as static SQL
-- (its plans are kept; a dynamic EXECUTE planned these unions anew on every case change).
do $do$
begin
    execute format($f$
create function minqing.case_rollup_changed() returns trigger language plpgsql as $body$
declare
    county_zone text := (select time_zone from minqing.case_rollup_zone);
begin
    if tg_op = 'UPDATE' then
        if not exists (
            select 1 from new_cases n join old_cases o on o.id = n.id
             where (o.created_at, o.village_code, o.category_code, o.handling_org, o.status, o.sign_due, o.signed_at,
                    o.resolve_due, o.resolve_due_original, o.closed_at, o.rating, o.returns, o.reworks,
                    o.supervisions, o.supporters, o.extensions)
                   is distinct from
                   (n.created_at, n.village_code, n.category_code, n.handling_org, n.status, n.sign_due, n.signed_at,
                    n.resolve_due, n.resolve_due_original, n.closed_at, n.rating, n.returns, n.reworks,
                    n.supervisions, n.supporters, n.extensions)) then
            return null; -- nothing counted changed
        end if;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into minqing.case_day_delta %1$s;
        insert into minqing.case_duration_delta %2$s;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        insert into minqing.case_day_delta %3$s;
        insert into minqing.case_duration_delta %4$s;
    end if;
    return null;
end
$body$
$f$, minqing.case_day_select('old_cases', -1, 'county_zone'), minqing.case_duration_select('old_cases', -1, 'county_zone'),
     minqing.case_day_select('new_cases', 1, 'county_zone'), minqing.case_duration_select('new_cases', 1, 'county_zone'));
end
$do$;

create trigger case_rollup_insert after insert on case_record referencing new table as new_cases
    for each statement execute function case_rollup_changed();
create trigger case_rollup_update after update on case_record referencing old table as old_cases new table as new_cases
    for each statement execute function case_rollup_changed();
create trigger case_rollup_delete after delete on case_record referencing old table as old_cases
    for each statement execute function case_rollup_changed();

-- the cases already there
do $$
begin
    execute 'insert into minqing.case_day_count ' || minqing.case_day_select('minqing.case_record', 1, quote_literal('Asia/Shanghai'));
    execute 'insert into minqing.case_day_duration ' || minqing.case_duration_select('minqing.case_record', 1, quote_literal('Asia/Shanghai'));
end
$$;
