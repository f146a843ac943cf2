-- 月度分析报告: generated on the first day of each month (and on demand), kept for download.
create table monthly_report (
    region       varchar(16) not null,
    month        char(7) not null,
    pdf          bytea not null,
    generated_at timestamptz not null default now(),
    primary key (region, month)
);
