-- Issue 18, reply templates (答复模板): words for replies to villagers and for stage forms, kept as data and edited
-- by admins. organisation_code null: a county-wide default every organisation may use; an organisation's own template
-- of the same code wins over it. stage null: any stage; otherwise only that stage's form offers it. Placeholders
-- such as {村名} {期限} {承办单位} {编号} {标题} are filled (and HTML-escaped) when a template is used.
create table reply_template (
    id                bigserial primary key,
    organisation_code varchar(32) references organisation (code),
    code              varchar(40) not null,
    label             varchar(40) not null,
    stage             varchar(32),
    text              varchar(2000) not null,
    updated_at        timestamptz not null default now(),
    updated_by        varchar(64)
);
create unique index reply_template_code on reply_template (coalesce(organisation_code, ''), code);

insert into reply_template (code, label, stage, text) values
    ('policy-answer', '政策咨询答复', 'accept',
     '您好！您反映的“{标题}”（编号{编号}）属于政策咨询，答复如下：{政策依据}。如仍有疑问，可到{乡镇}人民政府便民服务中心咨询。'),
    ('not-ours', '不属受理范围', 'accept',
     '您好！您反映的“{标题}”不属于本平台受理范围，建议您通过{政策依据}办理。感谢您对{村名}工作的关心。'),
    ('in-hand', '已交办答复', 'accept',
     '您好！您反映的{村名}“{标题}”已交{承办单位}办理，预计{期限}前办结，请耐心等待。'),
    ('done-report', '整改完成报告', 'implement',
     '已按方案完成{村名}“{标题}”的整改：{办理情况}。整改前后照片已上传。'),
    ('verified-solved', '核实已解决', 'verify',
     '经{日期}现场核实，{村名}“{标题}”已整改到位，群众认可，同意办结。'),
    ('verified-unsolvable', '核实无法解决', 'verify',
     '经{日期}现场核实，{村名}“{标题}”因{办理情况}暂无法解决，已向群众说明情况并做好解释工作。');
