-- Photos, video and voice notes sent with a report form that was refused (a field missing, too many files):
-- kept for the same person and form so that the re-shown form still has them; moved to attachment when
-- the report is filed; rows older than two days are dropped. The bytes sit in the attachment store by SHA-256.
create table pending_upload (
    id           bigserial primary key,
    form_token   varchar(64) not null,
    kind         varchar(8) not null check (kind in ('photo', 'video', 'audio')),
    content_type varchar(40) not null,
    file_name    varchar(200),
    size_bytes   bigint not null,
    sha256       char(64) not null,
    uploaded_by  varchar(64) not null references app_user (username),
    uploaded_at  timestamptz not null default now()
);
create index pending_upload_form on pending_upload (uploaded_by, form_token, id);
