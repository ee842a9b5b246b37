-- How fresh gold is: the newest event time in bronze (the newest observed_at
-- ingest recorded on its last 1000 batches; for batches written before it
-- recorded one, the rows of the last day of ingest), the event-time watermark gold was last published at,
-- the lag between the two in seconds, when gold was last published, and
-- how many ingest batches wait to be merged (counted up to 100000).
with recent as (
    select b.newest_observed_at, b.events
    from smelt.ingest_batches as b
    order by b.batch_id desc
    limit 1000
),

newest as (
    select coalesce(
        (select max(r.newest_observed_at) from recent as r),
        (select max(e.observed_at)
           from bronze.events as e
          where exists (select from recent as r where r.events > 0 and r.newest_observed_at is null)
            and e.ingested_at >= (select b.first_ingested from smelt.ingest_batches as b
                                   order by b.batch_id desc limit 1) - interval '1 day')) as observed_at
),

state as (
    select s.gold_watermark, s.gold_published_at from smelt.refresh_state as s
)

select
    n.observed_at as newest_event,
    s.gold_watermark,
    extract(epoch from n.observed_at - s.gold_watermark)::double precision as lag_s,
    s.gold_published_at,
    (select count(*) from smelt.pending_batches(100000)) as pending_batches
from newest as n
cross join state as s;
