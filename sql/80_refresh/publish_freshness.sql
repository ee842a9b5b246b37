-- smelt.publish_freshness(watermark) -> marts updated
-- gold.mart_freshness: after a refresh published, every mart's
-- complete_through moves to the start of the bucket (minute, hour or UTC
-- day, by the mart's grain) that contains the watermark - every bucket
-- ending at or before it is complete - and never moves back. refreshed_at
-- is the time of the refresh.
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

    update smelt.refresh_state
       set gold_watermark = coalesce(p_watermark, gold_watermark),
           gold_published_at = now();
    return v_rows;
end;
$$;
