-- smelt.begin_ingest_batch(consumer_group, worker, events, rejects) -> batch_id
-- Opens an ingest batch inside the caller's transaction: records it in
-- smelt.ingest_batches, makes its id the default batch_id of rows copied into
-- bronze.events and bronze.rejects for the rest of the transaction, and
-- queues a notification on channel smelt_ingest (delivered at commit) so the
-- scheduler wakes up.
create or replace function smelt.begin_ingest_batch(
    p_consumer_group text, p_worker text, p_events integer, p_rejects integer)
returns bigint
language plpgsql
as $$
declare
    v_batch_id bigint;
begin
    insert into smelt.ingest_batches (consumer_group, worker, events, rejects)
    values (p_consumer_group, p_worker, p_events, p_rejects)
    returning batch_id into v_batch_id;
    perform set_config('smelt.batch_id', v_batch_id::text, true);
    perform pg_notify('smelt_ingest', v_batch_id::text);
    return v_batch_id;
end;
$$;
