-- The dashboard's ranking of organisations counts their co-handle tasks (协办, V450) over the period's cases: without
-- an index it read every case of the period (a year at a million cases) to find the few handled jointly.
create index case_record_co_handled on case_record (created_at) include (village_code, category_code)
    where co_organisations <> '[]'::jsonb;
