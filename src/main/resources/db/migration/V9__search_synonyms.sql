-- Words villagers and cadres use for the same need, applied when searching (no reindex needed).
-- One group per row, terms separated by commas; admins extend them at /api/admin/synonyms.
create table search_synonym (
    id    serial primary key,
    terms text not null
);
insert into search_synonym (terms) values
  ('自来水,吃水,饮用水,饮水,水龙头没水,停水'),
  ('路灯,照明,灯不亮'),
  ('欠薪,拖欠工资,工钱没给,工资没发,工钱'),
  ('低保,最低生活保障'),
  ('信号,网络,宽带,上不了网,没网'),
  ('危房,房子裂缝,漏雨,房屋开裂'),
  ('土地流转,租地,流转费,土地租金'),
  ('新农合,医保,合作医疗'),
  ('养老金,退休金,养老钱'),
  ('垃圾,垃圾池,垃圾堆'),
  ('灌溉,放水,浇地,水渠');
