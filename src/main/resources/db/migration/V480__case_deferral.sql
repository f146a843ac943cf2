-- 挂账 (issue 15): a cadre handling a case defers it to a work plan until a planned date. While it is deferred its
-- tasks leave the task lists and its clock stands still; on that date it comes back (process case-deferral).
alter table case_record add column deferred_until timestamptz;
alter table case_record add column deferrals int not null default 0;

create table case_deferral (
    id            bigserial primary key,
    case_number   varchar(32) not null references case_record (number) on delete cascade,
    plan_id       bigint not null references work_plan (id) on delete cascade,
    until         timestamptz not null,
    reason        varchar(2000) not null,
    deferred_by   varchar(64) not null,
    deferred_at   timestamptz not null default now(),
    ended_at      timestamptz,
    process_instance varchar(64)
);
create index case_deferral_case on case_deferral (case_number);
create index case_deferral_plan on case_deferral (plan_id);

insert into indicator (code, name_zh, name_en, definition, formula, unit, higher_is_better, target, sort, applies_to) values
 ('deferredCount', '挂账件数', 'Deferred to a plan',
  '期内受理的诉求中，现挂账于工作方案、等待计划日期的件数（不计入已解决或已办结未解决）',
  'count(deferred now)', '件', false, null, 86, 'cases'),
 ('deferralRate', '挂账率', 'Deferral rate',
  '已派单的诉求中，曾挂账于工作方案的比例', 'cases ever deferred / dispatched', '%', false, null, 87, 'cases');
