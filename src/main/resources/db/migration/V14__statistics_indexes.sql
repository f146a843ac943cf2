-- Statistics read cases by when they were reported; the oldest-open list reads open cases by age.
-- (StatsBenchmark: see README "Measured" for the effect at 100 000 and 1 000 000 cases.)
create index case_record_created on case_record (created_at);
create index case_record_open_age on case_record (created_at)
    where closed_at is null and status not in ('rejected', 'merged');
