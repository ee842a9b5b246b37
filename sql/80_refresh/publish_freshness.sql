-- smelt.publish_freshness(watermark) -> marts updated
-- gold.mart_freshness: after a refresh published, every mart's
-- complete_through moves to the start of the bucket (minute, hour or UTC
-- day, by the mart's grain) that contains the watermark - every bucket
-- ending at or before it is complete - and never moves back. refreshed_at
-- is the time of the refresh. smelt.refresh_state.gold_watermark and
-- gold_published_at get the watermark and the time too (for monitoring),
-- unless a merge holds that row at this moment: then the next refresh
-- writes them, so merges and refreshes never wait for each other there.
create or replace function smelt.publish_freshness(p_watermark timestamptz)
returns bigint
language plpgsql
as $$
declare
    v_rows bigint;
begin
    update gold.mart_freshness as f
       set complete_through = case
               when p_watermark is null then f.complete_through
               else greatest(f.complete_through,
                             case f.grain
                                 when 'minute' then smelt.utc_minute(p_watermark)
                                 when 'hour' then smelt.utc_hour(p_watermark)
                                 else smelt.utc_day(p_watermark)::timestamp at time zone 'UTC'
                             end)
           end,
           refreshed_at = now();
    get diagnostics v_rows = row_count;

    -- informational copy for monitoring; skipped (until the next refresh)
    -- rather than waiting when a merge holds the row
    perform 1 from smelt.refresh_state for update skip locked;
    if found then
        update smelt.refresh_state
           set gold_watermark = coalesce(p_watermark, gold_watermark),
               gold_published_at = now();
    end if;
    return v_rows;
end;
$$;
