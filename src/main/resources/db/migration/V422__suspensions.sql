-- 挂起 (issue 18): while the county centre has a case suspended its clock stops; the hours it stood still
-- are added up, and the deadline moves by them when it restarts.
alter table case_record add column suspended_at timestamptz;
alter table case_record add column suspended_hours numeric(10, 2) not null default 0;
