-- What landed in bronze: events per source and kind, rejects per reason,
-- and the ingest batches that wrote them. Run with psql.
\pset footer off
\echo 'Events in bronze.events, per source and kind'
select source, kind, count(*) as events,
       min(observed_at)::timestamp(0) as first_observed, max(observed_at)::timestamp(0) as last_observed
  from bronze.events
 group by rollup (source, kind)
 order by source nulls last, kind nulls last;

\echo 'Rejected messages in bronze.rejects, per reason'
select reason, count(*) as messages, min(detail) as example
  from bronze.rejects
 group by reason
 order by messages desc;

\echo 'Ingest transactions (smelt.ingest_batches) and stored offsets'
select count(*) as batches,
       sum(events) as events,
       sum(rejects) as rejects,
       count(distinct worker) as workers,
       (select sum(next_offset) from smelt.ingest_offsets) as offsets_stored
  from smelt.ingest_batches;
