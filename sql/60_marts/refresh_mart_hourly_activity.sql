-- smelt.refresh_mart_hourly_activity() -> mart rows changed
-- gold.mart_hourly_activity: an hourly activity summary per platform.
-- grain: one row per (UTC hour, platform) with activity; key: (hour, platform)
-- upstreams: gold.fct_posts, gold.fct_comments, gold.fct_engagement_minute
--   (via pg_temp.tmp_post_delta, tmp_comment_delta, tmp_minute_delta)
-- refresh: incremental (signed deltas, applied by smelt.apply_mart_deltas);
-- rows that fall to zero are deleted.
-- metrics (docs/data-dictionary.md):
--   posts, comments      created in the hour (created_at)
--   observations         post observations made in the hour (observed_at)
--   scored_posts, sentiment_sum, avg_sentiment  over the posts created
--   unscored_posts   posts - scored_posts (a generated column of the table): posts
--                    without text or in a language smelt cannot score; never averaged
--   *_gained, engagement_gained, reach_gained, engagement_rate  gained by
--                        observations made in the hour
create or replace function smelt.refresh_mart_hourly_activity()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_hourly_activity;
    create temp table tmp_mart_hourly_activity on commit drop as
    with post_changes as (
        select
            smelt.utc_hour(created_at) as hour,
            platform,
            sign as posts,
            0 as comments,
            0 as observations,
            case when sentiment_compound is not null then sign else 0 end as scored_posts,
            sign * coalesce(sentiment_compound::numeric, 0) as sentiment_sum,
            0 as likes_gained, 0 as shares_gained, 0 as comments_gained, 0 as views_gained,
            0 as impressions_gained, 0 as engagement_gained, 0 as reach_gained
        from pg_temp.tmp_post_delta
    ),

    comment_changes as (
        select
            smelt.utc_hour(created_at), platform, 0, sign, 0, 0, 0::numeric,
            0, 0, 0, 0, 0, 0, 0
        from pg_temp.tmp_comment_delta
    ),

    minute_changes as (
        select
            smelt.utc_hour(minute), platform, 0, 0, sign * observations, 0, 0::numeric,
            sign * likes_gained, sign * shares_gained, sign * comments_gained, sign * views_gained,
            sign * impressions_gained, sign * engagement_gained, sign * reach_gained
        from pg_temp.tmp_minute_delta
    ),

    changes as (
        select * from post_changes
        union all
        select * from comment_changes
        union all
        select * from minute_changes
    ),

    deltas as (
        select
            hour,
            platform,
            sum(posts)::bigint as posts,
            sum(comments)::bigint as comments,
            sum(observations)::bigint as observations,
            sum(scored_posts)::bigint as scored_posts,
            sum(sentiment_sum) as sentiment_sum,
            sum(likes_gained)::bigint as likes_gained,
            sum(shares_gained)::bigint as shares_gained,
            sum(comments_gained)::bigint as comments_gained,
            sum(views_gained)::bigint as views_gained,
            sum(impressions_gained)::bigint as impressions_gained,
            sum(engagement_gained)::bigint as engagement_gained,
            sum(reach_gained)::bigint as reach_gained
        from changes
        group by hour, platform
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_hourly_activity',
                                      'pg_temp.tmp_mart_hourly_activity',
                                      '{hour,platform}',
                                      jsonb_build_object(
                                          'avg_sentiment', 'smelt.average_sentiment(sentiment_sum, scored_posts)',
                                          'engagement_rate', 'smelt.engagement_rate(engagement_gained, reach_gained)'));

    return v_rows;
end;
$$;
