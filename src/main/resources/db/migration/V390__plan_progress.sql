-- Progress reports on a work plan's milestones (进展报告): text, an optional number with its unit (e.g. 12 户 connected),
-- from the phone or the PC, and the leaders' 督办 words on an overdue one (kind supervision, never shown publicly); photos beside them, stripped of hidden metadata as case photos are.
create table plan_progress (
    id          bigserial primary key,
    plan_id     bigint not null,
    seq         int not null,
    author      varchar(64) not null references app_user (username),
    text        varchar(2000) not null,
    amount      numeric(14, 2),
    unit        varchar(20),
    kind        varchar(12) not null default 'progress' check (kind in ('progress', 'supervision')),
    created_at  timestamptz not null default now(),
    foreign key (plan_id, seq) references plan_milestone (plan_id, seq) on delete cascade
);
create index plan_progress_plan on plan_progress (plan_id, seq);

create table plan_progress_photo (
    id           bigserial primary key,
    progress_id  bigint not null references plan_progress (id) on delete cascade,
    media_type   varchar(40) not null,
    bytes        bytea not null
);
create index plan_progress_photo_progress on plan_progress_photo (progress_id);
