-- smelt.refresh_mart_volume_by_region_daily() -> mart rows changed
-- gold.mart_volume_by_region_daily: post volume by region per day.
-- grain: one row per (UTC day of created_at, platform, region) with posts
-- key: (day, platform, region)
-- upstreams: gold.fct_posts (via pg_temp.tmp_post_delta)
-- refresh: incremental (signed deltas); rows that fall to zero are deleted.
-- metrics: posts = posts created that day; region is the post's region
-- (geotag or the platform's region code) or 'unknown'.
create or replace function smelt.refresh_mart_volume_by_region_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows     bigint;
    v_inserted bigint;
begin
    drop table if exists pg_temp.tmp_mart_volume_by_region_daily;
    create temp table tmp_mart_volume_by_region_daily on commit drop as
    with deltas as (
        select smelt.utc_day(created_at) as day, platform, coalesce(nullif(region, ''), 'unknown') as region,
               sum(sign)::bigint as posts
        from pg_temp.tmp_post_delta
        group by 1, 2, 3
    ),

    final as (
        select * from deltas where posts <> 0
    )

    select * from final;

    update gold.mart_volume_by_region_daily as m
       set posts = m.posts + d.posts,
           updated_at = now()
      from tmp_mart_volume_by_region_daily as d
     where m.day = d.day and m.platform = d.platform and m.region = d.region;
    get diagnostics v_rows = row_count;

    insert into gold.mart_volume_by_region_daily (day, platform, region, posts)
    select day, platform, region, posts
    from tmp_mart_volume_by_region_daily as d
    where not exists (
        select 1 from gold.mart_volume_by_region_daily as m
        where m.day = d.day and m.platform = d.platform and m.region = d.region)
    order by day, platform, region;
    get diagnostics v_inserted = row_count;
    v_rows := v_rows + v_inserted;

    delete from gold.mart_volume_by_region_daily as m
     using tmp_mart_volume_by_region_daily as s
     where m.day = s.day and m.platform = s.platform and m.region = s.region and m.posts = 0;

    return v_rows;
end;
$$;
