-- Minqing's own tables live in schema "minqing"; Camunda keeps its ACT_* tables in "public".

create table region (
    code        varchar(16) primary key,
    name        varchar(64) not null,
    level       varchar(16) not null check (level in ('county', 'township', 'village', 'grid')),
    parent_code varchar(16) references region (code),
    lat         double precision,
    lon         double precision,
    active      boolean not null default true
);
create index region_parent on region (parent_code);

create table organisation (
    code        varchar(32) primary key,
    name        varchar(64) not null,
    kind        varchar(32) not null check (kind in ('party-branch', 'village-committee', 'township-office',
                                                     'county-bureau', 'county-centre')),
    region_code varchar(16) not null references region (code),
    categories  varchar(32)[] not null default '{}',
    active      boolean not null default true
);

create table category (
    code    varchar(32) primary key,
    name_zh varchar(32) not null,
    name_en varchar(64) not null,
    domain  varchar(16) not null check (domain in ('sannong', 'minsheng')),
    sort    int not null
);

create table app_user (
    username          varchar(64) primary key,
    password_hash     varchar(100) not null,
    display_name      varchar(64) not null,
    roles             varchar(16)[] not null,
    phone             varchar(20),
    village_code      varchar(16) references region (code),
    organisation_code varchar(32) references organisation (code),
    enabled           boolean not null default true,
    created_at        timestamptz not null default now()
);

create table case_number_counter (
    day  date primary key,
    last int not null
);

create table case_record (
    id                  bigserial primary key,
    number              varchar(32) not null unique,
    title               varchar(100) not null,
    description         text not null,
    category_code       varchar(32) not null references category (code),
    village_code        varchar(16) not null references region (code),
    reporter            varchar(64) not null references app_user (username),
    anonymous           boolean not null default false,
    lat                 double precision,
    lon                 double precision,
    address             varchar(200),
    status              varchar(24) not null,
    urgency             varchar(16),
    handling_org        varchar(32) references organisation (code),
    outcome_note        text,
    process_instance_id varchar(64),
    supporters          int not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    closed_at           timestamptz
);
create index case_record_reporter on case_record (reporter, created_at desc);
create index case_record_village on case_record (village_code, status);
create index case_record_updated on case_record (updated_at);

-- The timeline: every step of a case, who did it and what they said.
create table case_event (
    id       bigserial primary key,
    case_id  bigint not null references case_record (id),
    at       timestamptz not null default now(),
    actor    varchar(64) not null,
    kind     varchar(32) not null,
    stage    varchar(24),
    note     text
);
create index case_event_case on case_event (case_id, at, id);

-- A retried POST with the same Idempotency-Key returns the case the first one created.
create table idempotency_key (
    username     varchar(64) not null,
    key          varchar(200) not null,
    request_hash varchar(64) not null,
    case_number  varchar(32) not null,
    created_at   timestamptz not null default now(),
    primary key (username, key)
);

-- Transactional outbox: a row per changed case, written in the case's own transaction,
-- shipped to Elasticsearch by the indexer and deleted once Elasticsearch has it.
create table search_outbox (
    id          bigserial primary key,
    case_number varchar(32) not null,
    created_at  timestamptz not null default now(),
    attempts    int not null default 0
);
