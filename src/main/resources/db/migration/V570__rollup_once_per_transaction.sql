-- The rollups' deltas once per case and transaction (issue 16). 受理 updates a case row three times in one transaction
-- (handling organisation, deadlines, status), and the statement trigger of V470/V482 appended minus-old and plus-new
-- rows to the deltas for each update: about 2 ms of PostgreSQL per update, a third of the database's time per 受理,
-- and most of it for rows that cancel out (received -> dispatched counts nothing differently).
--
-- Now an update that changes a counted column keeps the row as it was before the transaction's first such update
-- (case_rollup_pending, one row per case being changed: the row lock keeps other transactions off the case until
-- this one ends), and a deferred trigger appends, at commit, only the difference between that row and the row as it
-- is then, netted per rollup key (no rows when nothing counted changed in the end). The sums stay exact: every
-- transaction adds (the case after it - the case before it). Inserts keep their statement trigger (plus the new
-- rows); a delete subtracts the row as it was before the transaction where an update of the same transaction is
-- still pending, so an update then a delete nets to minus the row before both.
-- The pending rows live only inside the transaction that writes them (deleted at its commit, gone with a rollback),
-- so the table is unlogged: no WAL for them, and a crash, which ends every transaction, leaves it empty.

create unlogged table case_rollup_pending (
    case_id bigint primary key,
    image   jsonb not null -- the case_record row before the transaction's first counted change (to_jsonb)
);
alter table case_rollup_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

drop trigger case_rollup_update on case_record;
drop trigger case_rollup_delete on case_record;

-- the counted columns: an update that changes none of them fires nothing (the rollups read only these)
create function case_rollup_capture() returns trigger language plpgsql as $$
begin
    insert into minqing.case_rollup_pending (case_id, image) values (old.id, to_jsonb(old))
        on conflict (case_id) do nothing; -- an earlier update of this transaction kept the row before it
    return null;
end
$$;

do $do$
declare
    counts text := (select string_agg(format('sum(%I)', column_name), ', ' order by ordinal_position)
                      from information_schema.columns
                     where table_schema = 'minqing' and table_name = 'case_day_delta' and ordinal_position > 6);
    nonzero text := (select string_agg(format('sum(%I) <> 0', column_name), ' or ' order by ordinal_position)
                       from information_schema.columns
                      where table_schema = 'minqing' and table_name = 'case_day_delta' and ordinal_position > 6);
    names text := (select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
                     from information_schema.columns
                    where table_schema = 'minqing' and table_name = 'case_day_delta');
    changed text := $c$(old.created_at, old.village_code, old.category_code, old.handling_org, old.status, old.sign_due,
        old.signed_at, old.resolve_due, old.resolve_due_original, old.closed_at, old.rating, old.returns, old.reworks,
        old.supervisions, old.supporters, old.extensions, old.deferred_until, old.deferrals)
        is distinct from
        (new.created_at, new.village_code, new.category_code, new.handling_org, new.status, new.sign_due,
        new.signed_at, new.resolve_due, new.resolve_due_original, new.closed_at, new.rating, new.returns, new.reworks,
        new.supervisions, new.supporters, new.extensions, new.deferred_until, new.deferrals)$c$;
begin
    -- at commit: the case as it is now minus the case before the transaction, netted per key
    execute format($f$
create function minqing.case_rollup_settle() returns trigger language plpgsql as $body$
declare
    county_zone text;
    kept jsonb;
    before_row minqing.case_record;
    after_row minqing.case_record;
begin
    delete from minqing.case_rollup_pending where case_id = new.id returning case_rollup_pending.image into kept;
    if kept is null then
        return null; -- settled by an earlier event of this transaction, or deleted since
    end if;
    select * into after_row from minqing.case_record where id = new.id;
    if not found then
        return null; -- the delete subtracted the row before the transaction
    end if;
    before_row := jsonb_populate_record(null::minqing.case_record, kept);
    county_zone := (select time_zone from minqing.case_rollup_zone);
    insert into minqing.case_day_delta (%5$s)
    select cube, day, village_code, category_code, org, due_day, %6$s
      from (%1$s union all %2$s) d(%5$s)
     group by 1, 2, 3, 4, 5, 6 having %7$s;
    -- the hours to close count closed cases only (case_duration_select's filter): most changes close nothing
    if (before_row.status in ('solved', 'unsolvable') and before_row.closed_at is not null)
       or (after_row.status in ('solved', 'unsolvable') and after_row.closed_at is not null) then
        insert into minqing.case_duration_delta (cube, day, village_code, category_code, org, hours, n)
        select cube, day, village_code, category_code, org, hours, sum(n)
          from (%3$s union all %4$s) d(cube, day, village_code, category_code, org, hours, n)
         group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0;
    end if;
    return null;
end
$body$
$f$, minqing.case_day_select('(select (before_row).*)', -1, 'county_zone'),
     minqing.case_day_select('(select (after_row).*)', 1, 'county_zone'),
     minqing.case_duration_select('(select (before_row).*)', -1, 'county_zone'),
     minqing.case_duration_select('(select (after_row).*)', 1, 'county_zone'),
     names, counts, nonzero);

    -- a delete: minus the row before the transaction where an update of it is pending, else minus the row deleted
    execute format($f$
create function minqing.case_rollup_deleted() returns trigger language plpgsql as $body$
declare
    county_zone text := (select time_zone from minqing.case_rollup_zone);
begin
    insert into minqing.case_day_delta %1$s;
    insert into minqing.case_duration_delta %2$s;
    if exists (select 1 from minqing.case_rollup_pending p join old_cases o on o.id = p.case_id) then
        insert into minqing.case_day_delta %3$s;
        insert into minqing.case_duration_delta %4$s;
        delete from minqing.case_rollup_pending p using old_cases o where p.case_id = o.id;
    end if;
    return null;
end
$body$
$f$, minqing.case_day_select('(select o.* from old_cases o where not exists '
                              || '(select 1 from minqing.case_rollup_pending p where p.case_id = o.id))', -1, 'county_zone'),
     minqing.case_duration_select('(select o.* from old_cases o where not exists '
                              || '(select 1 from minqing.case_rollup_pending p where p.case_id = o.id))', -1, 'county_zone'),
     minqing.case_day_select('(select r.* from minqing.case_rollup_pending p join old_cases o on o.id = p.case_id '
                              || 'cross join lateral jsonb_populate_record(null::minqing.case_record, p.image) r)', -1, 'county_zone'),
     minqing.case_duration_select('(select r.* from minqing.case_rollup_pending p join old_cases o on o.id = p.case_id '
                              || 'cross join lateral jsonb_populate_record(null::minqing.case_record, p.image) r)', -1, 'county_zone'));

    -- the capture sorts before the settling trigger by name, should the settling ever be made immediate
    execute format('create trigger case_rollup_update after update on minqing.case_record for each row when (%s) '
                   'execute function minqing.case_rollup_capture()', changed);
    execute format('create constraint trigger case_rollup_update_settle after update on minqing.case_record '
                   'deferrable initially deferred for each row when (%s) execute function minqing.case_rollup_settle()', changed);
end
$do$;

create trigger case_rollup_delete after delete on case_record referencing old table as old_cases
    for each statement execute function case_rollup_deleted();
