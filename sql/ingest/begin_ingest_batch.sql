-- smelt.begin_ingest_batch(consumer_group, worker, events, rejects, kafka_partition,
--                          oldest_observed_at, newest_observed_at, oldest_kafka_timestamp) -> batch_id
-- Opens an ingest batch inside the caller's transaction: records it in
-- smelt.ingest_batches, makes its id the default batch_id of rows copied into
-- bronze.events and bronze.rejects from now on in the transaction (until the
-- next batch opens), and queues a notification on channel smelt_ingest
-- (delivered at commit) so the scheduler wakes up. smelt ingest opens one
-- batch per Kafka partition of a transaction (merge lanes split the pending
-- batches by partition); kafka_partition NULL means the batch may hold rows
-- of several partitions. The time bounds (NULL when unknown) let freshness
-- and the event-time watermark read the batch row instead of bronze.
create or replace function smelt.begin_ingest_batch(
    p_consumer_group text, p_worker text, p_events integer, p_rejects integer,
    p_kafka_partition integer default null, p_oldest_observed_at timestamptz default null,
    p_newest_observed_at timestamptz default null, p_oldest_kafka_timestamp timestamptz default null)
returns bigint
language plpgsql
as $$
declare
    v_batch_id bigint;
begin
    insert into smelt.ingest_batches (
        consumer_group, worker, events, rejects, kafka_partition,
        oldest_observed_at, newest_observed_at, oldest_kafka_timestamp)
    values (p_consumer_group, p_worker, p_events, p_rejects, p_kafka_partition,
            p_oldest_observed_at, p_newest_observed_at, p_oldest_kafka_timestamp)
    returning batch_id into v_batch_id;
    perform set_config('smelt.batch_id', v_batch_id::text, true);
    perform pg_notify('smelt_ingest', v_batch_id::text);
    return v_batch_id;
end;
$$;
