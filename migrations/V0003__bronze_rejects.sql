-- bronze.rejects: messages that could not be stored as received.
-- grain: one row per rejected Kafka message
-- key: reject_id; (topic, kafka_partition, kafka_offset) is unique
-- raw is bytea because a reject may hold NUL bytes or invalid UTF-8.
create table bronze.rejects (
    reject_id       bigint generated always as identity primary key,
    rejected_at     timestamptz not null default now(),
    batch_id        bigint      not null default current_setting('smelt.batch_id')::bigint,
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    kafka_key       bytea,
    kafka_timestamp timestamptz,
    raw             bytea       not null,
    reason          text        not null,
    detail          text        not null,
    replayed_at     timestamptz,
    unique (topic, kafka_partition, kafka_offset),
    constraint rejects_reason_check check (reason in (
        'invalid_utf8', 'nul_byte', 'invalid_json', 'not_an_object',
        'missing_field', 'bad_field', 'oversized'))
);

comment on table bronze.rejects is 'Messages that could not be loaded, with raw bytes, Kafka coordinates and the reason; see smelt replay.';
comment on column bronze.rejects.reason is 'invalid_utf8, nul_byte, invalid_json, not_an_object, missing_field, bad_field or oversized.';
comment on column bronze.rejects.replayed_at is 'When smelt replay re-submitted the message to Kafka; NULL until then.';
