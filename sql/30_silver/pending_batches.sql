-- smelt.pending_batches(limit, lanes, lane) -> batch_id, oldest first
-- Committed ingest batches not yet merged into silver. Batch ids are taken
-- when an ingest transaction starts but become visible at commit, in any
-- order, so an id watermark would skip a batch that commits late. Instead
-- the scan starts at smelt.refresh_state.low_xid: every ingest transaction
-- with an xid below it has ended and, if it committed, is in
-- smelt.refreshed_batches (smelt.merge_decoded advances it). The cost is
-- proportional to the batches above the low-water mark, not to history.
-- With lanes > 1, only the batches of lane `lane` (0-based): those whose
-- Kafka partition modulo lanes is lane; batches without a partition (written
-- before merge lanes) belong to lane 0.
create or replace function smelt.pending_batches(p_limit integer, p_lanes integer default 1,
                                                 p_lane integer default 0)
returns setof bigint
language sql
stable
as $$
    select b.batch_id
    from smelt.ingest_batches as b
    where b.committed_xid >= (select s.low_xid from smelt.refresh_state as s)
      and not exists (
          select 1 from smelt.refreshed_batches as r where r.batch_id = b.batch_id)
      and (p_lanes <= 1 or coalesce(b.kafka_partition, 0) % p_lanes = p_lane)
    order by b.batch_id
    limit p_limit
$$;
