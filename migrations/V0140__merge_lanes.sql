-- Merge lanes: an ingest batch covers one Kafka partition, so that several
-- refreshers can merge disjoint sets of partitions (and therefore of posts,
-- which are keyed to one partition) at the same time.
--
-- smelt.ingest_batches.kafka_partition: the partition every row of the batch
-- came from. NULL for batches written before lanes (they may span several
-- partitions; the merge locks every partition it finds in the rows, so they
-- stay correct, only serialized).
alter table smelt.ingest_batches add column kafka_partition integer;

-- What the batch holds in time, recorded by ingest so that freshness and the
-- event-time watermark never scan bronze: the oldest and newest observed_at
-- of its events, and the oldest Kafka timestamp of its messages. NULL for
-- batches written before (readers fall back to bronze for those).
alter table smelt.ingest_batches
    add column oldest_observed_at timestamptz,
    add column newest_observed_at timestamptz,
    add column oldest_kafka_timestamp timestamptz;

-- The event-to-gold report finds, for each merged batch, the first gold
-- published after it.
create index refresh_runs_gold_idx on smelt.refresh_runs (started_at) where model = 'gold' and status = 'ok';

-- smelt.begin_ingest_batch gains the partition and the time bounds
-- (sql/ingest/begin_ingest_batch.sql);
-- the four-argument form would make four-argument calls ambiguous.
drop function if exists smelt.begin_ingest_batch(text, text, integer, integer);

-- smelt.pending_batches gains the lane (sql/30_silver/pending_batches.sql).
drop function if exists smelt.pending_batches(integer);
