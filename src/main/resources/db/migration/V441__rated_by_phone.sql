-- Issue 18, call-back (电话回访): a rating the county centre recorded on the phone after the villager gave none in
-- time is marked as such ('phone'); null: the villager rated it themselves (app, SMS or WeChat).
alter table case_record add column rated_by varchar(8) check (rated_by in ('phone'));
