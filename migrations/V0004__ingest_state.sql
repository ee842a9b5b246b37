-- smelt.ingest_offsets: the next Kafka offset to read, per consumer group and
-- partition. Written in the same transaction as the rows it covers, which
-- makes ingest exactly-once.
-- grain: one row per (consumer_group, topic, kafka_partition)
create table smelt.ingest_offsets (
    consumer_group  text        not null,
    topic           text        not null,
    kafka_partition integer     not null,
    next_offset     bigint      not null check (next_offset >= 0),
    updated_at      timestamptz not null default now(),
    primary key (consumer_group, topic, kafka_partition)
);

-- smelt.ingest_batches: one row per committed ingest transaction. Rows of a
-- batch become visible together at commit, so downstream refreshes track the
-- set of batches they have processed instead of an id watermark.
-- grain: one row per ingest transaction
create table smelt.ingest_batches (
    batch_id        bigint generated always as identity primary key,
    consumer_group  text        not null,
    worker          text        not null,
    events          integer     not null,
    rejects         integer     not null,
    first_ingested  timestamptz not null default now(),
    committed_xid   xid8        not null default pg_current_xact_id()
);
