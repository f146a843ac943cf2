-- A cadre's saved searches: a name and the query string of /search.
create table saved_search (
    id         bigserial primary key,
    username   varchar(64) not null references app_user (username),
    name       varchar(60) not null,
    query      varchar(1000) not null,
    created_at timestamptz not null default now()
);
create index saved_search_user on saved_search (username, id);
