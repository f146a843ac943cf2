-- Accounts and sessions (issue 10).

-- A stamp that rises whenever an account's access changes (password, roles, organisation, village,
-- enabled). Sessions carry the stamp they were opened with and end when it differs; the change also
-- revokes the account's API tokens. Both are done here, so every way of changing an account counts,
-- on every app instance.
alter table app_user
    add column security_stamp       bigint  not null default 0,
    add column must_change_password boolean not null default false;

create function app_user_raise_security_stamp() returns trigger language plpgsql as $$
begin
    if new.password_hash is distinct from old.password_hash or new.roles is distinct from old.roles
            or new.organisation_code is distinct from old.organisation_code
            or new.village_code is distinct from old.village_code or new.enabled is distinct from old.enabled then
        new.security_stamp := old.security_stamp + 1;
    end if;
    return new;
end
$$;
create trigger app_user_security_stamp before update on app_user
    for each row execute function app_user_raise_security_stamp();

create function app_user_revoke_tokens() returns trigger language plpgsql as $$
begin
    update minqing.api_token set revoked_at = now() where username = new.username and revoked_at is null;
    return null;
end
$$;
create trigger app_user_revoke_tokens after update on app_user
    for each row when (new.security_stamp <> old.security_stamp) execute function app_user_revoke_tokens();

-- Wrong passwords no longer lock a whole account (anyone could lock anyone out): login_throttle
-- refuses one client address for one account, and (username '*') one address across accounts.
update app_user set failed_logins = 0, locked_until = null;
create table login_throttle (
    address         varchar(64) not null,
    username        varchar(64) not null,
    failures        int         not null default 0,
    strikes         int         not null default 0,
    blocked_until   timestamptz,
    last_failure_at timestamptz not null,
    primary key (address, username)
);

-- Self sign-ups, counted per client address and per village to limit the rate.
create table signup (
    address      varchar(64),
    village_code varchar(16) not null,
    at           timestamptz not null default now()
);
create index signup_address on signup (address, at);
create index signup_village on signup (village_code, at);

-- Tokens get an id to list and revoke them by, and the time they were last used.
alter table api_token
    add column id           bigserial,
    add column last_used_at timestamptz,
    alter column name type varchar(100);
create unique index api_token_id on api_token (id);
