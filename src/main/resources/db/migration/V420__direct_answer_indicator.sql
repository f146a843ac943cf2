-- 直接答复 (issue 18): questions answered at intake are closed as 'answered', counted apart from solved.
insert into indicator (code, name_zh, name_en, definition, formula, unit, higher_is_better, target, sort, applies_to) values
 ('directAnswerRate', '直接答复率', 'Direct answer rate',
  '期内受理的诉求中，在受理时即直接答复办结（政策咨询、办事指引等无需派单办理）的比例；直接答复不计入"已解决"',
  'answered / received', '%', true, null, 45, 'cases');
