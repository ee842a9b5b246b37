-- smelt.refresh_mart_share_of_voice_daily() -> mart rows changed
-- gold.mart_share_of_voice_daily: share of voice per brand per day.
-- grain: one row per (UTC day, brand) with activity; key: (day, brand)
-- upstreams: gold.fct_posts, gold.bridge_post_campaign,
--   gold.fct_engagement_minute, gold.dim_campaign (via pg_temp.tmp_post_delta,
--   tmp_minute_delta)
-- refresh: incremental (signed deltas, applied by smelt.apply_mart_deltas);
-- then the shares of every touched day are recomputed from that day's brand
-- rows (a handful per day).
-- metrics (docs/data-dictionary.md):
--   posts             posts created that day in any campaign of the brand
--                     (a post counts once per brand)
--   observations, engagement_gained  gained that day by the brand's posts
--   share_of_voice    smelt.share_pct(posts, all brands' posts that day)
--   engagement_share  smelt.share_pct(engagement_gained, all brands' engagement_gained)
create or replace function smelt.refresh_mart_share_of_voice_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_share_of_voice_daily;
    create temp table tmp_mart_share_of_voice_daily on commit drop as
    with post_changes as (
        select smelt.utc_day(d.created_at) as day, b.brand, d.sign as posts, 0 as observations,
               0 as engagement_gained
        from pg_temp.tmp_post_delta as d
        cross join lateral (
            select distinct c.brand from gold.dim_campaign as c where c.campaign_key = any (d.campaign_ids)
        ) as b
    ),

    minute_changes as (
        select smelt.utc_day(d.minute), b.brand, 0, d.sign * d.observations, d.sign * d.engagement_gained
        from pg_temp.tmp_minute_delta as d
        cross join lateral (
            select distinct c.brand from gold.dim_campaign as c where c.campaign_key = any (d.campaign_ids)
        ) as b
    ),

    changes as (
        select * from post_changes
        union all
        select * from minute_changes
    ),

    deltas as (
        select day, brand, sum(posts)::bigint as posts, sum(observations)::bigint as observations,
               sum(engagement_gained)::bigint as engagement_gained
        from changes
        group by day, brand
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_share_of_voice_daily',
                                      'pg_temp.tmp_mart_share_of_voice_daily',
                                      '{day,brand}');

    with days as (
        select distinct day from tmp_mart_share_of_voice_daily
    ),

    totals as (
        select m.day, sum(m.posts)::bigint as posts, sum(m.engagement_gained)::bigint as engagement_gained
        from gold.mart_share_of_voice_daily as m
        join days as d on d.day = m.day
        group by m.day
    )

    update gold.mart_share_of_voice_daily as m
       set share_of_voice = smelt.share_pct(m.posts, t.posts),
           engagement_share = smelt.share_pct(m.engagement_gained, t.engagement_gained),
           updated_at = now()
      from totals as t
     where m.day = t.day
       and (m.share_of_voice, m.engagement_share)
           is distinct from
           (smelt.share_pct(m.posts, t.posts), smelt.share_pct(m.engagement_gained, t.engagement_gained));

    return v_rows;
end;
$$;
