-- Issue 18, joint handling (协办): the co-organisations a plan names, each with its working days, its status
-- (planned → open → reported, or closed by the lead organisation with a reason), its deadline and when it
-- reported. A JSON array on the case: read with the case, indexed with it, never queried on its own but by the
-- organisation rankings (jsonb_array_elements).
alter table case_record add column co_organisations jsonb not null default '[]'::jsonb;
