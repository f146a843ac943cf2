-- 延期 (issue 18): an approved extension moves the resolve deadline; the first deadline is kept so that
-- on-time can be reported against both the original and the approved deadline.
alter table case_record add column resolve_due_original timestamptz;
alter table case_record add column extensions int not null default 0;

insert into indicator (code, name_zh, name_en, definition, formula, unit, higher_is_better, target, sort, applies_to) values
 ('onTimeOriginalRate', '按原时限办结率', 'On-time rate (original deadline)',
  '已办结（已解决或无法解决）的诉求中，在最初的办结时限内办结的比例（不计批准的延期）',
  'closed by original resolve deadline / closed', '%', true, null, 32, 'cases'),
 ('extensionRate', '延期率', 'Extension rate',
  '已派单的诉求中，经县中心批准延期的比例', 'cases with an approved extension / dispatched', '%', false, 0.10, 85, 'cases');
