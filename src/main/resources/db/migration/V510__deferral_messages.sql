-- Issue 15 (挂账): the reporter is texted when their case is deferred to a work plan and when it comes back. The
-- date and the plan are on the case page and in the app's message; a text names neither cadres nor the plan.
insert into message_template (event, text, sms_code) values
    ('deferred', '您反映的“{title}”已列入工作方案，将在计划日期恢复办理，详情请看办理记录。', 'MQ_DEFERRED'),
    ('resumed',  '您反映的“{title}”已恢复办理，由{handler}负责。',                          'MQ_RESUMED')
on conflict (event) do nothing;
