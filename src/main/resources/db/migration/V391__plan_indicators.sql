-- Work plans join the indicator library (指标库): computed over plans and their milestones, not over cases.
alter table indicator drop constraint if exists indicator_applies_to_check;
alter table indicator add constraint indicator_applies_to_check check (applies_to in ('cases', 'stage', 'plans'));
insert into indicator (code, name_zh, name_en, definition, formula, unit, higher_is_better, target, sort, applies_to) values
 ('plansStarted', '新制定工作方案', 'Plans started', '期内制定的工作方案个数', 'count(plans created in period)', '个', true, null, 200, 'plans'),
 ('planMilestonesOnTime', '里程碑按时完成率', 'Milestones on time', '期内到期的工作方案里程碑中，在到期日当天或之前完成的比例', 'met by due day / due in period', '%', true, 0.90, 210, 'plans'),
 ('planTargetsMet', '方案目标达成率', 'Plan targets met', '已开始实施、指标可计算的工作方案中，实施以来的指标已达到目标的比例', 'plans at target / plans measured', '%', true, null, 220, 'plans');
