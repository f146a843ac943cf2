-- Casework: deadlines, returns (退单), rework (重办), supervision (督办) and the villager's rating (回访),
-- kept on the case so that lists and statistics read them without touching the process engine.
alter table case_record
    add column sign_due       timestamptz,
    add column resolve_due    timestamptz,
    add column warn_at        timestamptz,
    add column deadline_level varchar(8) not null default 'none' check (deadline_level in ('none', 'yellow', 'red')),
    add column signed_at      timestamptz,
    add column returns        int not null default 0,
    add column reworks        int not null default 0,
    add column supervisions   int not null default 0,
    add column estimated_cost numeric(14, 2),
    add column rating         varchar(16) check (rating in ('satisfied', 'basically', 'dissatisfied', 'no-response')),
    add column rating_comment text,
    add column rated_at       timestamptz;

create index case_record_due on case_record (resolve_due) where closed_at is null;
create index case_record_handler on case_record (handling_org, status);
