-- 民情走访 joins the indicator library (指标库): computed over households and their visits (applies_to 'visits'),
-- per township, village, grid and party member, by cn.minqing.visits.VisitFigures (GET /api/stats/visits).
alter table indicator drop constraint if exists indicator_applies_to_check;
alter table indicator add constraint indicator_applies_to_check check (applies_to in ('cases', 'stage', 'plans', 'visits'));
insert into indicator (code, name_zh, name_en, definition, formula, unit, higher_is_better, target, sort, applies_to) values
 ('visitHouseholdsCovered', '走访覆盖户数', 'Households visited',
  '期内至少被走访一次的在册农户（户档案中未停用的户）户数', 'count(active households with a visit in period)', '户', true, null, 300, 'visits'),
 ('visitCoverage', '走访覆盖率', 'Visit coverage',
  '在册农户中，期内至少被走访一次的比例', 'households visited in period / active households', '%', true, null, 310, 'visits'),
 ('visitOnScheduleRate', '按时走访率', 'Visits on schedule',
  '期内的走访中，距该户上次走访（或建档）不超过其标签规定间隔（取最短的，无标签为90天）的比例',
  'visits within the household''s interval of its previous visit / visits in period', '%', true, 0.90, 320, 'visits'),
 ('visitNeedShare', '走访发现诉求占比', 'Needs found on visits',
  '期内登记的诉求中，由走访发现（渠道为走访）的比例；其余为村民自己反映', 'cases with channel visit / cases in period', '%', true, null, 330, 'visits'),
 ('visitCasesSolvedRate', '走访诉求解决率', 'Visit cases solved',
  '期内由走访发现的诉求中，已解决的比例', 'visit cases solved / visit cases in period', '%', true, null, 340, 'visits');
