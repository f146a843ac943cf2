-- 合并重复户档案: the duplicate is kept, deactivated, and points at the household that took its visits and cases.
alter table household add column merged_into bigint references household (id);
