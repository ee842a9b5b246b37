-- smelt.refresh_mart_engagement_minute() -> mart rows changed
-- gold.mart_engagement_minute: engagement per platform per minute.
-- grain: one row per (UTC minute, platform) with observations
-- key: (minute, platform)
-- upstreams: gold.fct_engagement_minute (via pg_temp.tmp_minute_delta)
-- refresh: incremental: each measure moves by sum(sign x value) of the
-- changed post-minutes (smelt.apply_mart_deltas); rows that fall to zero are
-- deleted.
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
    v_rows bigint;
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
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_engagement_minute',
                                      'pg_temp.gold_scope_engagement_minutes',
                                      '{minute,platform}',
                                      '{"engagement_rate": "smelt.engagement_rate(engagement_gained, reach_gained)"}');

    analyze gold_scope_engagement_minutes;
    return v_rows;
end;
$$;
