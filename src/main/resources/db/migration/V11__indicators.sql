-- The indicator library (指标库): every number leaders see, defined in words, as data.
create table indicator (
    code             varchar(40) primary key,
    name_zh          varchar(40) not null,
    name_en          varchar(60) not null,
    definition       text not null,
    formula          text not null,
    unit             varchar(10) not null,
    higher_is_better boolean not null,
    target           numeric(10, 4),
    sort             int not null
);
insert into indicator values
 ('receivedCount',    '受理量', 'Cases received', '期内村民反映并登记的诉求件数（含不予受理和重复件）', 'count(cases created in period)', '件', true, null, 10),
 ('responseRate',     '响应率', 'Response rate', '已派单的诉求中，承办单位在签收时限内签收的比例', 'signed within sign deadline / dispatched', '%', true, 0.95, 20),
 ('onTimeRate',       '按时办结率', 'On-time rate', '已办结（已解决或无法解决）的诉求中，在办结时限内办结的比例', 'closed by resolve deadline / closed', '%', true, 0.90, 30),
 ('resolutionRate',   '解决率', 'Resolution rate', '已办结的诉求中，问题得到解决的比例；"办结"不等于"解决"', 'solved / (solved + unsolvable)', '%', true, 0.85, 40),
 ('satisfactionRate', '满意率', 'Satisfaction rate', '村民回访评价中，满意和基本满意的比例', '(satisfied + basically) / rated', '%', true, 0.90, 50),
 ('feedbackRate',     '回访率', 'Feedback rate', '进入回访的诉求中，村民作出评价（未逾期）的比例', 'rated / (rated + no response)', '%', true, 0.80, 60),
 ('reworkRate',       '重办率', 'Rework rate', '已办结的诉求中，曾因不满意或重新申请而重办的比例', 'cases with rework / closed', '%', false, 0.05, 70),
 ('returnRate',       '退单率', 'Return rate', '已派单的诉求中，曾被承办单位退单的比例', 'cases with a return / dispatched', '%', false, 0.05, 80),
 ('supervisionCount', '督办件数', 'Supervisions', '因超期而被督办的次数', 'sum(supervisions)', '次', false, null, 90),
 ('openCount',        '在办件数', 'Open cases', '期内受理、尚未办结的诉求件数', 'count(open)', '件', false, null, 100),
 ('overdueCount',     '超期件数', 'Overdue cases', '尚未办结且已超过办结时限的诉求件数', 'count(open and past resolve deadline)', '件', false, null, 110),
 ('avgResolutionHours','平均办结时长', 'Average time to close', '从反映到办结的平均小时数', 'avg(closed - created)', '小时', false, null, 120),
 ('p90ResolutionHours','办结时长P90', 'Time to close, 90th percentile', '90%的诉求在此小时数内办结', 'p90(closed - created)', '小时', false, null, 130),
 ('supportersPerCase','件均附议', 'Supporters per case', '每件诉求平均有多少村民附议', 'avg(supporters)', '人', true, null, 140);
