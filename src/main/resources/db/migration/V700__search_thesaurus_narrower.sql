-- Broad notions and the concrete ones under them (下位概念, issue 13): a leader's 防灾减灾 or 一老一小 names no word
-- that villagers' reports contain; the entry lists the notions they do write (山体滑坡, 内涝, 留守儿童 …), as other
-- entries' terms or phrases, comma-separated. Searches add those with a lower weight (cn.minqing.search.Thesaurus).
alter table search_thesaurus add column narrower text not null default '';
