-- Event-to-gold freshness, measured: for every event, the time from its
-- Kafka timestamp (when the producer sent it) to the end of the first
-- published gold refresh after its batch was merged into silver.
\pset footer off
\echo 'Event-to-gold freshness (Kafka timestamp to published gold, seconds)'
with batches as (
    select r.batch_id,
           (select min(g.started_at + g.duration_ms * interval '1 millisecond')
              from smelt.refresh_runs as g
             where g.model = 'gold'
               and g.status = 'ok'
               and g.started_at >= r.refreshed_at) as gold_at
      from smelt.refreshed_batches as r
),

events as (
    select extract(epoch from b.gold_at - e.kafka_timestamp) as seconds
      from bronze.events as e
      join batches as b on b.batch_id = e.batch_id
     where b.gold_at is not null
       and e.kafka_timestamp is not null
),

final as (
    select count(*) as events,
           round(percentile_cont(0.5) within group (order by seconds)::numeric, 2) as median_s,
           round(percentile_cont(0.95) within group (order by seconds)::numeric, 2) as p95_s,
           round(max(seconds)::numeric, 2) as max_s
      from events
)

select * from final;
