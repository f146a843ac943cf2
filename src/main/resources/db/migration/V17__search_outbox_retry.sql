-- An outbox row Elasticsearch refused ten times in a row is no longer left behind: it is retried
-- on a slower schedule that grows with each failure (minqing.search.stuck-retry-*). Null: as soon
-- as the indexer gets to it.
alter table search_outbox add column next_attempt_at timestamptz;
