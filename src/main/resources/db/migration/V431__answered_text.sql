-- A direct answer (直接答复, issue 18) is news to the villager too: the answer is on their case page, and they are
-- asked to rate it, by text as for a solved case.
insert into message_template (event, text, sms_code) values
    ('answered', '您反映的“{title}”已答复，请在民情查看。回复1满意、2基本满意、3不满意。', 'MQ_ANSWERED')
on conflict (event) do nothing;
