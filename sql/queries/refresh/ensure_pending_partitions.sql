-- The monthly partitions of the silver and gold tables for the months the
-- pending batches' oldest and newest events were observed in (as ingest
-- recorded them in smelt.ingest_batches, so bronze is not read); returns how
-- many were created. Run in a transaction of its own before merge lanes
-- start: a lane that creates a partition inside its merge keeps the parent
-- table locked until that merge commits, and every other lane writing the
-- table waits for it. A month that only events in the middle of a batch
-- fall in, or a batch written without time bounds, is still created by the
-- merge that needs it.
select coalesce(sum(smelt.ensure_model_partitions(m.month_start, m.month_start)), 0)::bigint
from (select distinct date_trunc('month', t.observed_at at time zone 'UTC') at time zone 'UTC' as month_start
      from smelt.ingest_batches as b
      cross join lateral (values (b.oldest_observed_at), (b.newest_observed_at)) as t (observed_at)
      where b.batch_id in (select p.batch_id from smelt.pending_batches(2147483647) as p (batch_id))
        and t.observed_at is not null) as m;
