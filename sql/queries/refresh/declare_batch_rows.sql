-- Opens cursor bronze_rows over the bronze events of the ingest batches in $1
-- (bigint[]), for fetch_rows.sql. The ingested_at bounds come from the
-- batches' first_ingested (rows take their transaction's now(), like
-- first_ingested), so only the daily partitions that can hold them are read.
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
where e.batch_id = any($1::bigint[])
  and e.ingested_at >= (select min(b.first_ingested) from smelt.ingest_batches as b
                         where b.batch_id = any($1::bigint[])) - interval '1 hour'
  and e.ingested_at < (select max(b.first_ingested) from smelt.ingest_batches as b
                        where b.batch_id = any($1::bigint[])) + interval '1 day';
