-- Accounts: lockout after repeated failed sign-ins.
alter table app_user
    add column failed_logins int not null default 0,
    add column locked_until  timestamptz;
create unique index app_user_phone on app_user (phone) where phone is not null;

-- Photos, video and voice notes of a case: bytes on disk (checksummed), facts here.
create table attachment (
    id           bigserial primary key,
    case_id      bigint not null references case_record (id),
    kind         varchar(8) not null check (kind in ('photo', 'video', 'audio')),
    content_type varchar(40) not null,
    file_name    varchar(200),
    size_bytes   bigint not null,
    sha256       char(64) not null,
    uploaded_by  varchar(64) not null references app_user (username),
    uploaded_at  timestamptz not null default now()
);
create index attachment_case on attachment (case_id, id);

-- Who changed what, when, from where.
create table audit_log (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    actor   varchar(64) not null,
    action  varchar(40) not null,
    target  varchar(80),
    detail  text,
    address varchar(64)
);
create index audit_log_target on audit_log (target, at);
