-- The library's words now say exactly what the numbers count (proven by hand in HandWorkedIndicatorsTest):
-- satisfaction counts each rework as a dissatisfied evaluation (the process erases a dissatisfied rating
-- when it sends the case back, so counting final ratings alone could never fall below 100%); the on-time
-- rate divides by the closed cases that had a resolve deadline; the P90s are nearest-rank.
update indicator set
    definition = '村民回访评价中，满意和基本满意的比例；每次因不满意（或村民重新申请）而重办，计一次不满意评价',
    formula = '(satisfied + basically) / (final ratings + reworks)'
 where code = 'satisfactionRate';
update indicator set
    definition = '已办结（已解决或无法解决）且有办结时限的诉求中，在时限内办结的比例',
    formula = 'closed by resolve deadline / closed with a resolve deadline'
 where code = 'onTimeRate';
update indicator set
    definition = '已办结（已解决或无法解决）的诉求从反映到办结的平均小时数',
    formula = 'avg(closed - created) over solved and unsolvable'
 where code = 'avgResolutionHours';
update indicator set
    definition = '90%的已办结诉求在此小时数内办结：办结时长从短到长排列的第⌈0.9n⌉个（最近秩）',
    formula = 'nearest-rank p90(closed - created) over solved and unsolvable'
 where code = 'p90ResolutionHours';
update indicator set
    definition = '期内完成的某环节任务中，90%在此小时数内办完：耗时从短到长排列的第⌈0.9n⌉个（最近秩）',
    formula = 'nearest-rank p90(task finished - task created), per stage'
 where code = 'stageP90Hours';
