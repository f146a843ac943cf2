-- Issue 19: reaching villagers by SMS and WeChat besides the app.

-- Each person's channels. No row: the app only. A villager whose account a cadre opened (代办开户) gets a row with
-- SMS on. Quiet hours are county time; a message due inside them waits until they end.
create table channel_choice (
    username   varchar(64) primary key references app_user (username),
    in_app     boolean not null default true,
    sms        boolean not null default false,
    wechat     boolean not null default false,
    quiet_from time,
    quiet_to   time,
    updated_at timestamptz not null default now(),
    check ((quiet_from is null) = (quiet_to is null))
);

-- The words of each message, as data (zh-CN). {title} {number} {handler} are filled in; sms_code is the template
-- code registered with a cloud SMS provider (its text must match), wechat_code a WeChat template id.
create table message_template (
    event       varchar(24) primary key,
    text        varchar(300) not null,
    sms_code    varchar(40) not null,
    wechat_code varchar(64),
    updated_at  timestamptz not null default now()
);
insert into message_template (event, text, sms_code) values
    ('received',   '您反映的“{title}”已收到，编号{number}。',                           'MQ_RECEIVED'),
    ('accepted',   '您反映的“{title}”已受理，由{handler}办理。',                        'MQ_ACCEPTED'),
    ('dispatched', '您反映的“{title}”已转交{handler}办理。',                            'MQ_DISPATCHED'),
    ('signed',     '{handler}已签收您反映的“{title}”，正在办理。',                       'MQ_SIGNED'),
    ('rate',       '您反映的“{title}”已办好。请回复1满意、2基本满意、3不满意。',         'MQ_RATE'),
    ('solved',     '您反映的“{title}”已办结，问题已解决。',                              'MQ_SOLVED'),
    ('unsolvable', '您反映的“{title}”已办结，但问题没能解决，详情请看办理记录。',        'MQ_UNSOLVABLE'),
    ('rejected',   '您反映的“{title}”没有受理，原因请看办理记录。',                      'MQ_REJECTED'),
    ('reopened',   '您反映的“{title}”将重新办理，由{handler}负责。',                     'MQ_REOPENED'),
    ('plan-linked','您反映的“{title}”已列入工作方案统一解决。',                          'MQ_PLAN_LINKED'),
    ('code',       '您的验证码是{code}，10分钟内有效，用于绑定微信。如非本人操作请忽略。', 'MQ_CODE');

-- The channel outbox: written in the transaction of the change it tells of; a scheduled sender sends it. id is the
-- idempotency key the gateway receives, so a retry after a timeout is the same message, never a second one. No
-- phone number here: it is looked up when sending.
create table outbound_message (
    id              uuid primary key,
    username        varchar(64) not null references app_user (username),
    channel         varchar(8) not null check (channel in ('sms', 'wechat')),
    event           varchar(24) not null,
    case_number     varchar(32),
    template        varchar(64) not null,
    params          jsonb not null,
    text            varchar(300) not null,
    status          varchar(12) not null default 'pending'
                    check (status in ('pending', 'accepted', 'delivered', 'undelivered', 'failed', 'opted-out', 'capped', 'no-address')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    accepted_at     timestamptz,
    delivered_at    timestamptz,
    last_error      varchar(200)
);
create index outbound_message_due on outbound_message (next_attempt_at) where status = 'pending';
create index outbound_message_person on outbound_message (username, accepted_at) where accepted_at is not null;

-- Every try to hand a message to the gateway, and every delivery receipt.
create table outbound_attempt (
    id         bigserial primary key,
    message_id uuid not null references outbound_message (id),
    at         timestamptz not null,
    outcome    varchar(12) not null check (outcome in ('accepted', 'refused', 'timeout', 'error', 'receipt')),
    detail     varchar(200)
);
create index outbound_attempt_message on outbound_attempt (message_id, id);

-- Rating asked by text: the case waits for the villager's 1/2/3 until it is rated or leaves 回访.
create table rating_request (
    case_number  varchar(32) primary key,
    username     varchar(64) not null references app_user (username),
    requested_at timestamptz not null,
    answered_at  timestamptz
);
create index rating_request_open on rating_request (username, requested_at desc) where answered_at is null;

-- Texts villagers sent in, once each (the gateway's id). The sender is kept as the account, never the number.
create table inbound_text (
    id          varchar(64) primary key,
    username    varchar(64) references app_user (username),
    text        varchar(500) not null,
    received_at timestamptz not null,
    case_number varchar(32),
    handled_as  varchar(12) not null check (handled_as in ('rating', 'message', 'kept', 'unknown'))
);
create index inbound_text_kept on inbound_text (username, received_at desc) where handled_as = 'kept';

-- A villager's WeChat (the official account's openid), bound once after an SMS code confirmed their number.
create table wechat_binding (
    openid   varchar(64) primary key,
    username varchar(64) not null unique references app_user (username),
    bound_at timestamptz not null
);

-- One-time codes sent by SMS to confirm a number when binding WeChat: kept hashed, short-lived, few tries.
create table phone_code (
    id         bigserial primary key,
    username   varchar(64) not null references app_user (username),
    code_hash  char(64) not null,
    expires_at timestamptz not null,
    tries      int not null default 0,
    used_at    timestamptz
);
create index phone_code_user on phone_code (username, id desc);
