-- In-app notifications: a row per person and change of a case they reported or supported.
create table notification (
    id          bigserial primary key,
    username    varchar(64) not null references app_user (username),
    case_number varchar(32) not null,
    status      varchar(24) not null,
    text        varchar(200) not null,
    created_at  timestamptz not null default now(),
    read_at     timestamptz
);
create index notification_unread on notification (username, created_at desc) where read_at is null;
create index notification_user on notification (username, id desc);
