-- Other names people use for a place (old names before a merger, common short names): element-library
-- data, imported and edited by admins (GET/PUT /api/admin/region-aliases). Search treats an alias as an
-- inexact place: it raises that place's cases, it never filters the others out.
create table region_alias (
    alias       varchar(64) primary key,
    region_code varchar(16) not null references region (code),
    kind        varchar(16) not null default 'old-name' check (kind in ('old-name', 'short-name', 'other')),
    note        text not null default ''
);
create index region_alias_region on region_alias (region_code);
