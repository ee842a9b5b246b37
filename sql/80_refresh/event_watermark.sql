-- smelt.event_watermark() -> timestamptz
-- The event time up to which silver is believed complete: the smallest
-- newest-observed_at among the Kafka partitions that delivered within the
-- last watermark_idle_minutes (smelt.settings; when all are idle, the
-- largest one), lowered to the oldest observed_at of any committed batch
-- still waiting to be merged. NULL before any data. Late events (observed
-- before the watermark, delivered after it) are still merged and refreshed;
-- they only arrive after their bucket was published as complete.
create or replace function smelt.event_watermark()
returns timestamptz
language plpgsql
stable
as $$
declare
    v_idle      interval := make_interval(mins => coalesce(smelt.setting('watermark_idle_minutes')::integer, 5));
    v_partition timestamptz;
    v_pending   timestamptz;
begin
    select coalesce(min(w.max_observed_at) filter (where w.updated_at >= now() - v_idle),
                    max(w.max_observed_at))
      into v_partition
      from smelt.partition_watermarks as w;

    -- ingest records each batch's oldest observed_at; batches written before
    -- it did are read from bronze
    select min(coalesce(
               b.oldest_observed_at,
               (select min(e.observed_at)
                  from bronze.events as e
                 where e.batch_id = b.batch_id
                   and e.ingested_at >= b.first_ingested - interval '1 hour'
                   and e.ingested_at < b.first_ingested + interval '1 day')))
      into v_pending
      from smelt.ingest_batches as b
     where b.batch_id in (select smelt.pending_batches(1000000))
       and b.events > 0;

    return least(v_partition, v_pending);
end;
$$;
