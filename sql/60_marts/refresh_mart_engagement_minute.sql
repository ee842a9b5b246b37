-- smelt.refresh_mart_engagement_minute() -> mart rows changed
-- gold.mart_engagement_minute: engagement per platform per minute.
-- grain: one row per (UTC minute, platform) with observations
-- key: (minute, platform)
-- upstreams: gold.fct_engagement_minute (via pg_temp.tmp_minute_delta)
-- refresh: incremental: each measure moves by sum(sign x value) of the
-- changed post-minutes; rows that fall to zero are deleted.
-- metrics (docs/data-dictionary.md):
--   posts_observed      posts with an observation in the minute
--   observations        distinct observations in the minute
--   *_gained            sum of the posts' gains in the minute
--   engagement_gained   likes + shares + comments gained
--   reach_gained        impressions gained (views where no impressions)
--   engagement_rate     smelt.engagement_rate(engagement_gained, reach_gained)
-- Leaves pg_temp.gold_scope_engagement_minutes (the touched keys) for the
-- scoped reconciliation check.
create or replace function smelt.refresh_mart_engagement_minute()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows     bigint;
    v_inserted bigint;
begin
    drop table if exists pg_temp.gold_scope_engagement_minutes;
    create temp table gold_scope_engagement_minutes on commit drop as
    with deltas as (
        select
            minute,
            platform,
            sum(sign)::bigint as posts_observed,
            sum(sign * observations)::bigint as observations,
            sum(sign * likes_gained)::bigint as likes_gained,
            sum(sign * shares_gained)::bigint as shares_gained,
            sum(sign * comments_gained)::bigint as comments_gained,
            sum(sign * views_gained)::bigint as views_gained,
            sum(sign * impressions_gained)::bigint as impressions_gained,
            sum(sign * engagement_gained)::bigint as engagement_gained,
            sum(sign * reach_gained)::bigint as reach_gained
        from pg_temp.tmp_minute_delta
        group by minute, platform
    ),

    final as (
        select *
        from deltas
        where (posts_observed, observations, likes_gained, shares_gained, comments_gained, views_gained,
               impressions_gained, engagement_gained, reach_gained) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
    )

    select * from final;

    update gold.mart_engagement_minute as m
       set posts_observed = m.posts_observed + d.posts_observed,
           observations = m.observations + d.observations,
           likes_gained = m.likes_gained + d.likes_gained,
           shares_gained = m.shares_gained + d.shares_gained,
           comments_gained = m.comments_gained + d.comments_gained,
           views_gained = m.views_gained + d.views_gained,
           impressions_gained = m.impressions_gained + d.impressions_gained,
           engagement_gained = m.engagement_gained + d.engagement_gained,
           reach_gained = m.reach_gained + d.reach_gained,
           engagement_rate = smelt.engagement_rate(m.engagement_gained + d.engagement_gained,
                                                   m.reach_gained + d.reach_gained),
           updated_at = now()
      from gold_scope_engagement_minutes as d
     where m.minute = d.minute and m.platform = d.platform;
    get diagnostics v_rows = row_count;

    insert into gold.mart_engagement_minute (
        minute, platform, posts_observed, observations, likes_gained, shares_gained, comments_gained,
        views_gained, impressions_gained, engagement_gained, reach_gained, engagement_rate)
    select
        minute, platform, posts_observed, observations, likes_gained, shares_gained, comments_gained,
        views_gained, impressions_gained, engagement_gained, reach_gained,
        smelt.engagement_rate(engagement_gained, reach_gained)
    from gold_scope_engagement_minutes as d
    where not exists (
        select 1 from gold.mart_engagement_minute as m
        where m.minute = d.minute and m.platform = d.platform)
    order by minute, platform;
    get diagnostics v_inserted = row_count;
    v_rows := v_rows + v_inserted;

    delete from gold.mart_engagement_minute as m
     using gold_scope_engagement_minutes as s
     where m.minute = s.minute and m.platform = s.platform
       and (m.posts_observed, m.observations, m.likes_gained, m.shares_gained, m.comments_gained,
            m.views_gained, m.impressions_gained, m.engagement_gained, m.reach_gained)
           = (0, 0, 0, 0, 0, 0, 0, 0, 0);

    analyze gold_scope_engagement_minutes;
    return v_rows;
end;
$$;
