-- Monthly rollups (issue 16): a year read from the daily rollups sums some 55,000 rows per cube at a million cases a
-- year (a day × township × category × due day each), and the dashboard reads several such years. The same counts kept
-- per calendar month (in the county's zone, as the days are) answer the whole months of a period; its first and
-- last partial months still come from the days. The fold moves each delta into both in one statement, and a rebuild
-- recounts both, so the months are always the sum of their days.
create table case_month_count (like case_day_count including all);
create table case_month_duration (like case_day_duration including all);

insert into case_month_count
select cube, date_trunc('month', day)::date, village_code, category_code, org, due_day,
       sum(received), sum(dispatched), sum(signed_in_time), sum(closed), sum(closed_in_time), sum(closed_with_deadline),
       sum(solved), sum(answered), sum(extended), sum(closed_in_original_time), sum(satisfied), sum(rated),
       sum(no_response), sum(reworked), sum(returned), sum(supervisions), sum(reworks), sum(open_count), sum(open_due),
       sum(closed_timed), sum(closed_seconds), sum(supporters), sum(deferred), sum(ever_deferred)
  from case_day_count group by 1, 2, 3, 4, 5, 6;

insert into case_month_duration
select cube, date_trunc('month', day)::date, village_code, category_code, org, hours, sum(n)
  from case_day_duration group by 1, 2, 3, 4, 5, 6;

-- the fold deletes the rows that summed to nothing: found through these, not by reading the whole rollup
create index case_day_count_empty on case_day_count (cube) where received = 0;
create index case_month_count_empty on case_month_count (cube) where received = 0;
create index case_day_duration_empty on case_day_duration (cube) where n = 0;
create index case_month_duration_empty on case_month_duration (cube) where n = 0;

-- the delta tables are queues, emptied every few seconds: vacuumed often, or every reader scans their dead rows
alter table case_day_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);
alter table case_duration_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);
