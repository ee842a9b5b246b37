-- smelt.advance_low_xid() -> the new low-water mark (NULL when skipped)
-- Moves smelt.refresh_state.low_xid to the smallest xid that may still
-- belong to an unmerged batch: the oldest transaction still running (its
-- batch, if any, is not visible yet) or the oldest committed batch not in
-- smelt.refreshed_batches, whichever is lower. Both are read from one
-- snapshot, so a batch can never fall below the mark unmerged.
create or replace function smelt.advance_low_xid()
returns xid8
language plpgsql
as $$
declare
    v_low xid8;
begin
    -- a refresh publishing at this moment holds the row: leave the mark
    -- for the next merge rather than wait (a lagging mark only widens the scan)
    perform 1 from smelt.refresh_state for update skip locked;
    if not found then
        return null;
    end if;
    update smelt.refresh_state as s
       set low_xid = greatest(s.low_xid, least(
               pg_snapshot_xmin(pg_current_snapshot()),
               coalesce((select min(b.committed_xid)
                           from smelt.ingest_batches as b
                          where b.committed_xid >= s.low_xid
                            and not exists (select 1 from smelt.refreshed_batches as r
                                             where r.batch_id = b.batch_id)),
                        pg_snapshot_xmin(pg_current_snapshot()))))
     returning s.low_xid into v_low;
    return v_low;
end;
$$;
