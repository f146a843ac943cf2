-- Problem categories: 三农 (sannong) and 民生 (minsheng). Data, not code: admins extend this table.
insert into category (code, name_zh, name_en, domain, sort) values
  ('water',      '饮水供水',     'Drinking water supply',        'minsheng', 10),
  ('road',       '道路桥梁',     'Roads and bridges',            'sannong',  20),
  ('irrigation', '农田水利',     'Farmland irrigation',          'sannong',  30),
  ('farm-sales', '农产品销售',   'Selling farm produce',         'sannong',  40),
  ('land',       '土地承包流转', 'Land contracts and transfers', 'sannong',  50),
  ('subsidy',    '低保救助补贴', 'Subsistence aid and subsidies','minsheng', 60),
  ('medical',    '医疗医保',     'Medical care and insurance',   'minsheng', 70),
  ('elderly',    '养老',         'Elderly care',                 'minsheng', 80),
  ('education',  '教育',         'Education',                    'minsheng', 90),
  ('housing',    '住房危房',     'Housing and unsafe homes',     'minsheng', 100),
  ('sanitation', '环境卫生',     'Environment and sanitation',   'sannong',  110),
  ('security',   '治安纠纷',     'Public order and disputes',    'minsheng', 120),
  ('employment', '就业欠薪',     'Jobs and unpaid wages',        'minsheng', 130),
  ('power',      '用电',         'Electricity',                  'minsheng', 140),
  ('telecom',    '网络通信',     'Phone and internet',           'minsheng', 150),
  ('other',      '其他',         'Other',                        'minsheng', 160);
