-- 抽查回访: each month the county centre phones a sample of the villagers whose cases were closed as solved with a
-- satisfied rating given in the app, and records whether the villager confirms it. Anonymous reporters are never
-- drawn (nobody may phone them about their case). A case is drawn at most once per month.
create table spot_check (
    id          bigserial primary key,
    month       char(7) not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    case_number varchar(32) not null references case_record (number) on delete cascade,
    drawn_by    varchar(64) not null,
    drawn_at    timestamptz not null default now(),
    result      varchar(12) check (result in ('confirmed', 'disputed')),
    note        varchar(2000),
    checked_by  varchar(64),
    checked_at  timestamptz,
    unique (month, case_number)
);
create index spot_check_month on spot_check (month, id);
