-- 代办: a cadre files for a villager who cannot; the case records who actually filed it.
alter table case_record add column filed_by varchar(64) references app_user (username);
