-- Icons for the phone's category picker.
alter table category add column icon varchar(8) not null default '📌';
update category set icon = case code
    when 'water' then '🚰' when 'road' then '🛣️' when 'irrigation' then '🌾' when 'farm-sales' then '🍊'
    when 'land' then '🗺️' when 'subsidy' then '🧾' when 'medical' then '🏥' when 'elderly' then '👴'
    when 'education' then '🏫' when 'housing' then '🏠' when 'sanitation' then '🧹' when 'security' then '🚓'
    when 'employment' then '💼' when 'power' then '💡' when 'telecom' then '📶' else '📌' end;

-- 附议 "me too": one row per person and case; case_record.supporters counts them.
create table case_supporter (
    case_id    bigint not null references case_record (id),
    username   varchar(64) not null references app_user (username),
    created_at timestamptz not null default now(),
    primary key (case_id, username)
);
