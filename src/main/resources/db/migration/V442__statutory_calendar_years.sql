-- A year known only by its statutory holidays (全国年节及纪念日放假办法: the days the law fixes, and the weekday
-- given back for one that falls on a weekend), shipped as calendar/cn-YYYY-statutory.csv until the State
-- Council's notice for that year is known. Deadlines count those days off at once; the year stays "missing" in
-- the calendar's health until the notice is entered (by an admin, or by a shipped cn-YYYY.csv, which replaces it).
alter table calendar_year drop constraint calendar_year_source_check;
alter table calendar_year alter column source type varchar(16);
alter table calendar_year add constraint calendar_year_source_check check (source in ('file', 'admin', 'statutory'));
