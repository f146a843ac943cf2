-- The daily rollups (V470) count 挂账 too (V480): cases deferred to a work plan now, and those ever deferred, so the
-- indicator library's deferredCount and deferralRate read from the rollups equal the case-level ones. The rollups are
-- counted again from the case rows.
alter table case_day_count add column deferred bigint not null default 0, add column ever_deferred bigint not null default 0;
alter table case_day_delta add column deferred bigint not null default 0, add column ever_deferred bigint not null default 0;

create or replace function case_day_select(src text, sign int, zone text) returns text language sql immutable as $$
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
       %2$s * coalesce(sum(c.supporters), 0),
       %2$s * count(*) filter (where c.deferred_until is not null),
       %2$s * count(*) filter (where c.deferrals > 0)
  from %1$s c group by 1, 2, 3, 4, 5, 6
$q$, src, sign, zone, k.cube, k.place, k.category, k.org), ' union all ') from minqing.case_cubes() k
$$;

do $do$
begin
    execute format($f$
create or replace function minqing.case_rollup_changed() returns trigger language plpgsql as $body$
declare
    county_zone text := (select time_zone from minqing.case_rollup_zone);
begin
    if tg_op = 'UPDATE' then
        if not exists (
            select 1 from new_cases n join old_cases o on o.id = n.id
             where (o.created_at, o.village_code, o.category_code, o.handling_org, o.status, o.sign_due, o.signed_at,
                    o.resolve_due, o.resolve_due_original, o.closed_at, o.rating, o.returns, o.reworks,
                    o.supervisions, o.supporters, o.extensions, o.deferred_until, o.deferrals)
                   is distinct from
                   (n.created_at, n.village_code, n.category_code, n.handling_org, n.status, n.sign_due, n.signed_at,
                    n.resolve_due, n.resolve_due_original, n.closed_at, n.rating, n.returns, n.reworks,
                    n.supervisions, n.supporters, n.extensions, n.deferred_until, n.deferrals)) then
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

delete from case_day_delta;
delete from case_day_count;
do $$
begin
    execute 'insert into minqing.case_day_count ' || minqing.case_day_select('minqing.case_record', 1,
        quote_literal((select time_zone from minqing.case_rollup_zone)));
end
$$;
