-- Every change to a case raises its version (row locks order the changes). The search index keeps a
-- case only at a newer or equal version, so when several indexers race (several app instances), an
-- older state of a case can never overwrite a newer one.
alter table case_record add column version bigint not null default 1;

create function case_record_next_version() returns trigger language plpgsql as $$
begin
    new.version := old.version + 1;
    return new;
end
$$;

create trigger case_record_version before update on case_record
    for each row execute function case_record_next_version();
