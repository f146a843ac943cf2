-- Time per stage belongs to the indicator library too; it is computed per stage, not per group of cases.
alter table indicator add column applies_to varchar(16) not null default 'cases' check (applies_to in ('cases', 'stage'));
insert into indicator (code, name_zh, name_en, definition, formula, unit, higher_is_better, target, sort, applies_to) values
 ('stageAvgHours', '环节平均耗时', 'Average time per stage', '期内完成的某环节任务，从到达该环节到办完的平均小时数', 'avg(task finished - task created), per stage', '小时', false, null, 150, 'stage'),
 ('stageP90Hours', '环节耗时P90', 'Time per stage, 90th percentile', '期内完成的某环节任务中，90%在此小时数内办完', 'p90(task finished - task created), per stage', '小时', false, null, 160, 'stage');
