-- China's working-day calendar as data: public holidays and the weekend days worked in exchange (调休),
-- one row per year that is known. A year without a row is "not entered": deadlines running into it count
-- only weekends as days off, and the calendar health check warns about it.
-- Years come from the yearly files on the class path (calendar/cn-YYYY.csv, source 'file', seeded on start
-- when absent) or from an admin (PUT /api/admin/calendar/{year}, source 'admin'; never overwritten by a file).
create sequence calendar_revision;

create table calendar_year (
    year       int primary key check (year between 2000 and 2100),
    source     varchar(8) not null check (source in ('file', 'admin')),
    entered_by varchar(64),
    entered_at timestamptz not null default now(),
    -- raised by every change, so each app instance notices a changed calendar with one small query
    revision   bigint not null default nextval('calendar_revision')
);

create table calendar_day (
    day  date primary key,
    year int not null references calendar_year (year) on delete cascade,
    kind varchar(8) not null check (kind in ('holiday', 'workday')),
    name varchar(30) not null,
    check (extract(year from day) = year)
);
create index calendar_day_year on calendar_day (year);
