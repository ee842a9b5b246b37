-- Opens cursor bronze_rows over the bronze events observed in [$1, $2)
-- (event time), for fetch_rows.sql. Backfills use it; every daily partition
-- is probed through its observed_at index.
declare bronze_rows no scroll cursor for
select
    e.batch_id,
    e.kafka_partition,
    e.kafka_offset,
    (extract(epoch from e.observed_at) * 1000000)::bigint as observed_at_us,
    e.source,
    e.kind,
    e.raw
from bronze.events as e
where e.observed_at >= $1::timestamptz
  and e.observed_at < $2::timestamptz;
