-- 党支部 (issue 15): party branches are organisations of kind party-branch, each in its village or township; a
-- branch has a secretary (书记), its party members belong to it by their organisation. A plan's owner may be a branch.
alter table organisation add column secretary varchar(64) references app_user (username);
alter table work_plan add column owner_branch varchar(32) references organisation (code);
