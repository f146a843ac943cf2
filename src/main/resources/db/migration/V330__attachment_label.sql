-- 整改前/整改后: what a photo shows, set when the implementing organisation adds it at 实施 (null: any other file)
alter table attachment add column label varchar(16);
alter table attachment add constraint attachment_label_known check (label is null or label in ('before', 'after'));
