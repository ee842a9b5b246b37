-- bronze.events: every valid Kafka message exactly as received.
-- grain: one row per Kafka message (topic, kafka_partition, kafka_offset)
-- key: (topic, kafka_partition, kafka_offset); exactly-once is enforced by
--      smelt.ingest_offsets, committed in the same transaction as the rows
-- partitioned by ingested_at (one partition per UTC day, see
-- sql/bronze/ensure_event_partitions.sql); kept forever.
create table bronze.events (
    ingested_at     timestamptz not null default now(),
    batch_id        bigint      not null default current_setting('smelt.batch_id')::bigint,
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    kafka_key       bytea,
    kafka_timestamp timestamptz,
    source          text        not null,
    kind            text        not null,
    observed_at     timestamptz not null,
    raw             text        not null
) partition by range (ingested_at);

comment on table bronze.events is 'Raw events exactly as received from Kafka, one row per message; kept forever.';
comment on column bronze.events.raw is 'The whole message (envelope and payload) byte for byte; valid UTF-8 JSON.';
comment on column bronze.events.batch_id is 'The ingest transaction (smelt.ingest_batches) that wrote the row.';
comment on column bronze.events.source is 'Envelope field source: x, instagram, tiktok, youtube or reddit.';
comment on column bronze.events.kind is 'Envelope field kind: post, comment or user.';
comment on column bronze.events.observed_at is 'Envelope field observed_at: when the platform was asked (event time).';

-- Catches rows outside every daily partition so an insert never fails.
create table bronze.events_default partition of bronze.events default;

create index events_observed_at_idx on bronze.events (observed_at);
create index events_batch_id_idx on bronze.events (batch_id);
