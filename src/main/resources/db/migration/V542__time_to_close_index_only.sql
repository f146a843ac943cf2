-- The exact P90 reads the cases of one hour of time to close (V470); at a million cases that hour holds thousands of
-- rows, fetched one by one from the table (140 ms a read, twice per dashboard, once per group and period in the API).
-- With the columns the reads use carried in the index, they are answered from the index alone (8 ms).
drop index case_record_time_to_close;
create index case_record_time_to_close on case_record ((closed_at - created_at))
    include (closed_at, created_at, village_code, category_code, handling_org)
    where status in ('solved', 'unsolvable');
