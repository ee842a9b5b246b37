-- Event-to-gold freshness, from what the pipeline records (no bronze scan):
-- for each merged ingest batch, the time from its oldest Kafka timestamp
-- (when the producer sent its oldest message) to the end of the first
-- published gold refresh after the batch was merged into silver. Every event
-- of the batch reached gold within that time, so the figures are upper
-- bounds per event, tight because a batch spans about one ingest interval.
-- Percentiles are weighted by the batches' events.
\pset footer off
\echo 'Event-to-gold freshness (oldest Kafka timestamp of each batch to published gold, seconds)'
with batches as (
    select b.events,
           extract(epoch from g.gold_at - b.oldest_kafka_timestamp) as seconds
      from smelt.refreshed_batches as r
      join smelt.ingest_batches as b on b.batch_id = r.batch_id
      cross join lateral (
          select g.started_at + g.duration_ms * interval '1 millisecond' as gold_at
            from smelt.refresh_runs as g
           where g.model = 'gold'
             and g.status = 'ok'
             and g.started_at >= r.refreshed_at
           order by g.started_at
           limit 1) as g
     where b.events > 0
       and b.oldest_kafka_timestamp is not null
),

ranked as (
    select seconds, events,
           sum(events) over (order by seconds rows unbounded preceding)::double precision
               / sum(events) over () as share
      from batches
),

final as (
    select coalesce(sum(events), 0) as events,
           round((select min(seconds) from ranked where share >= 0.5)::numeric, 2) as median_s,
           round((select min(seconds) from ranked where share >= 0.95)::numeric, 2) as p95_s,
           round((select min(seconds) from ranked where share >= 0.99)::numeric, 2) as p99_s,
           round(max(seconds)::numeric, 2) as max_s
      from ranked
)

select * from final;
