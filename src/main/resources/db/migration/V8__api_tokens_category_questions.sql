-- Personal API tokens (Authorization: Bearer …): only a hash is kept.
create table api_token (
    token_hash char(64) primary key,
    username   varchar(64) not null references app_user (username),
    name       varchar(64) not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_user on api_token (username);

-- The questions each category asks, shown on the phone while the villager writes.
alter table category add column questions text not null default '';
update category set questions = case code
    when 'water' then '停水多久了？影响几户？是水管破了、水压小，还是水质有问题？'
    when 'road' then '哪一段路或哪座桥？坏成什么样？有没有安全隐患？'
    when 'irrigation' then '哪片田？是渠道堵了、塌了，还是抽不上水？影响多少亩？'
    when 'farm-sales' then '什么农产品？多少量？是卖不出去、压价，还是货款没结？'
    when 'land' then '涉及哪块地、多少亩？和谁签的合同？是租金、面积还是确权问题？'
    when 'subsidy' then '申请的是哪项补助？什么时候申请的？卡在哪一步？'
    when 'medical' then '是报销、看病难，还是村卫生室的问题？涉及什么费用？'
    when 'elderly' then '老人多大年纪？是养老金、照料，还是住养的问题？'
    when 'education' then '哪所学校？是上学路远、入学，还是学校设施的问题？'
    when 'housing' then '房子哪里坏了？有没有倒塌危险？住了几口人？'
    when 'sanitation' then '在什么位置？是垃圾、污水、焚烧还是养殖污染？持续多久了？'
    when 'security' then '什么时候、在哪里发生的？涉及哪些人？现在有没有危险？'
    when 'employment' then '在哪个工地或单位？欠了多少钱、多少人？欠了多久？'
    when 'power' then '停电还是电压低？影响几户？从什么时候开始？'
    when 'telecom' then '是手机信号、宽带还是电视？哪个位置最差？'
    else '请说清楚在哪里、什么情况、持续多久。' end;
