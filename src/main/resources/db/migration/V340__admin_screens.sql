-- The admins' screens (issue 12): categories get keywords, an on/off switch and their questions as rows
-- that can be added, edited, reordered and removed; the audit log is filtered by person, action and period.

alter table category
    add column keywords text    not null default '',
    add column active   boolean not null default true,
    alter column icon type varchar(32);

-- One prompt per row, in the order shown on the phone. category.questions stays as their joined text,
-- rewritten on every change, so every reader of the old column keeps working.
create table category_question (
    id            serial primary key,
    category_code varchar(32) not null references category (code),
    position      int not null,
    text          varchar(200) not null,
    unique (category_code, position)
);
insert into category_question (category_code, position, text)
select code, row_number() over (partition by code order by ord), q
  from (select c.code, t.q, t.ord
          from category c,
               regexp_split_to_table(c.questions, '(?<=？)') with ordinality as t(q, ord)
         where btrim(t.q) <> '') s;

create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor, at);
create index audit_log_action on audit_log (action, at);
