-- 民情走访: households (户) with tags as data, assigned to a grid member and a party member (党员联户),
-- visits to them, the needs each visit found and the cases those needs became.

create table household_tag (
    code                varchar(32) primary key,
    name                varchar(40) not null unique,
    visit_interval_days int not null check (visit_interval_days > 0), -- a household is visited at least this often
    sort                int not null default 0
);
insert into household_tag (code, name, visit_interval_days, sort) values
    ('alone-elderly',     '独居老人',   7,  1),
    ('left-behind-child', '留守儿童',   14, 2),
    ('disabled',          '残疾人',     14, 3),
    ('wubao',             '五保户',     14, 4),
    ('dibao',             '低保户',     30, 5),
    ('poverty-watch',     '脱贫监测户', 30, 6),
    ('military',          '军属',       90, 7);

create table household (
    id            bigserial primary key,
    code          varchar(40) not null unique,                 -- 户编号, the import's key
    village_code  varchar(16) not null references region (code),
    grid_code     varchar(16) references region (code),
    address       varchar(200) not null,
    head_name     varchar(60) not null,                        -- 户主
    head_account  varchar(64) references app_user (username),  -- when the head has an account
    members       int not null default 1 check (members between 1 and 99),
    phone         varchar(20),
    lat           double precision,
    lon           double precision,
    grid_member   varchar(64) references app_user (username),
    party_member  varchar(64) references app_user (username),
    active        boolean not null default true,
    created_at    timestamptz not null default now()
);
create index household_village on household (village_code) where active;
create index household_party_member on household (party_member) where active;
create index household_grid_member on household (grid_member) where active;

create table household_tagging (
    household_id bigint not null references household (id),
    tag_code     varchar(32) not null references household_tag (code),
    primary key (household_id, tag_code)
);

create table visit (
    id           bigserial primary key,
    household_id bigint not null references household (id),
    visitor      varchar(64) not null references app_user (username),
    visited_at   timestamptz not null,
    met          varchar(100),
    notes        text,
    lat          double precision,
    lon          double precision,
    created_at   timestamptz not null default now()
);
create index visit_household on visit (household_id, visited_at desc);

create table visit_need (
    id             bigserial primary key,
    visit_id       bigint not null references visit (id),
    title          varchar(100) not null,
    description    text,
    category_code  varchar(32) references category (code),
    anonymous      boolean not null default false,
    solved_on_spot boolean not null default false,
    case_number    varchar(32) references case_record (number)
);
create index visit_need_visit on visit_need (visit_id);

create table visit_attachment (
    id           bigserial primary key,
    visit_id     bigint not null references visit (id),
    kind         varchar(8) not null check (kind in ('photo', 'video', 'audio')),
    content_type varchar(40) not null,
    file_name    varchar(200),
    size_bytes   bigint not null,
    sha256       char(64) not null,
    uploaded_by  varchar(64) not null references app_user (username),
    uploaded_at  timestamptz not null default now()
);
create index visit_attachment_visit on visit_attachment (visit_id, id);

-- Where a case came from: the villager's phone or the web ('app') or a visit ('visit', with its id).
alter table case_record
    add column channel  varchar(16) not null default 'app',
    add column visit_id bigint references visit (id);
create index case_record_visit on case_record (visit_id) where visit_id is not null;
