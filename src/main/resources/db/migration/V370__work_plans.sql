-- Work plans (工作方案): a leader turns a finding of the analysis report into a plan with a scope, a target on
-- an indicator of the library and milestones; cases in its scope are linked to it (automatically or by hand).
create table work_plan (
    id                bigserial primary key,
    title             varchar(100) not null,
    problem           text not null,
    source            varchar(300),
    region_code       varchar(16) not null references region (code),
    categories        varchar(32)[] not null default '{}',
    query             varchar(200),
    lead_org          varchar(32) not null references organisation (code),
    co_orgs           varchar(32)[] not null default '{}',
    indicator         varchar(40) not null references indicator (code),
    target            numeric(14, 4) not null,
    target_date       date not null,
    public            boolean not null default false,
    status            varchar(16) not null default 'draft',
    owner             varchar(64) not null references app_user (username),
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    process_instance  varchar(64)
);
create index work_plan_region on work_plan (region_code);

-- Milestones with their due day counted in working days; flag none/yellow/red set by the plan's timers.
create table plan_milestone (
    plan_id   bigint not null references work_plan (id) on delete cascade,
    seq       int not null,
    title     varchar(100) not null,
    due       date not null,
    assignee  varchar(64) references app_user (username),
    status    varchar(16) not null default 'open',
    flag      varchar(8) not null default 'none',
    done_at   timestamptz,
    primary key (plan_id, seq)
);

-- Cases linked to a plan: by the plan's scope (auto) or by hand with a reason; an unlinked case keeps its row
-- (unlinked_at) so that the automatic linking never brings it back and the audit trail stays readable; a case
-- removed from the store (tests remove theirs) leaves its plans with it.
create table plan_case (
    plan_id        bigint not null references work_plan (id) on delete cascade,
    case_number    varchar(32) not null references case_record (number) on delete cascade,
    how            varchar(8) not null,
    reason         varchar(500),
    linked_by      varchar(64),
    linked_at      timestamptz not null default now(),
    unlinked_at    timestamptz,
    unlinked_by    varchar(64),
    unlink_reason  varchar(500),
    primary key (plan_id, case_number)
);
create index plan_case_case on plan_case (case_number);
