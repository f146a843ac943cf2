-- The deltas are read by every indicator query (what is not folded in yet, a few seconds' worth). After a large
-- change (a bulk load, a rebuild's backlog) the emptied table keeps its pages until vacuumed, and a sequential scan
-- of them cost 120 ms a query at a million generated cases: read them by day instead.
create index case_day_delta_by_day on case_day_delta (cube, day);
create index case_duration_delta_by_day on case_duration_delta (cube, day);
