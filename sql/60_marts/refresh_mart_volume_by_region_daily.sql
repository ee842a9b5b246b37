-- smelt.refresh_mart_volume_by_region_daily() -> mart rows changed
-- gold.mart_volume_by_region_daily: post volume by region per day.
-- grain: one row per (UTC day of created_at, platform, region) with posts
-- key: (day, platform, region)
-- upstreams: gold.fct_posts (via pg_temp.tmp_post_delta)
-- refresh: incremental (signed deltas, applied by smelt.apply_mart_deltas);
-- rows that fall to zero are deleted.
-- metrics: posts = posts created that day; region is the post's region
-- (geotag or the platform's region code) or 'unknown'.
create or replace function smelt.refresh_mart_volume_by_region_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_volume_by_region_daily;
    create temp table tmp_mart_volume_by_region_daily on commit drop as
    with deltas as (
        select smelt.utc_day(created_at) as day, platform, coalesce(nullif(region, ''), 'unknown') as region,
               sum(sign)::bigint as posts
        from pg_temp.tmp_post_delta
        group by 1, 2, 3
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_volume_by_region_daily',
                                      'pg_temp.tmp_mart_volume_by_region_daily',
                                      '{day,platform,region}');

    return v_rows;
end;
$$;
