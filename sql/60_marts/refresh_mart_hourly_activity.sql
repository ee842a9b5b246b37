-- smelt.refresh_mart_hourly_activity() -> mart rows changed
-- gold.mart_hourly_activity: an hourly activity summary per platform.
-- grain: one row per (UTC hour, platform) with activity; key: (hour, platform)
-- upstreams: gold.fct_posts, gold.fct_comments, gold.fct_engagement_minute
--   (via pg_temp.tmp_post_delta, tmp_comment_delta, tmp_minute_delta)
-- refresh: incremental (signed deltas); rows that fall to zero are deleted.
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
    v_rows     bigint;
    v_inserted bigint;
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
    ),

    final as (
        select *
        from deltas
        where (posts, comments, observations, scored_posts, sentiment_sum, likes_gained, shares_gained,
               comments_gained, views_gained, impressions_gained, engagement_gained, reach_gained)
              <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    )

    select * from final;

    update gold.mart_hourly_activity as m
       set posts = m.posts + d.posts,
           comments = m.comments + d.comments,
           observations = m.observations + d.observations,
           scored_posts = m.scored_posts + d.scored_posts,
           sentiment_sum = m.sentiment_sum + d.sentiment_sum,
           avg_sentiment = smelt.average_sentiment(m.sentiment_sum + d.sentiment_sum,
                                                   m.scored_posts + d.scored_posts),
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
      from tmp_mart_hourly_activity as d
     where m.hour = d.hour and m.platform = d.platform;
    get diagnostics v_rows = row_count;

    insert into gold.mart_hourly_activity (
        hour, platform, posts, comments, observations, scored_posts, sentiment_sum, avg_sentiment,
        likes_gained, shares_gained, comments_gained, views_gained, impressions_gained,
        engagement_gained, reach_gained, engagement_rate)
    select
        hour, platform, posts, comments, observations, scored_posts, sentiment_sum,
        smelt.average_sentiment(sentiment_sum, scored_posts),
        likes_gained, shares_gained, comments_gained, views_gained, impressions_gained,
        engagement_gained, reach_gained, smelt.engagement_rate(engagement_gained, reach_gained)
    from tmp_mart_hourly_activity as d
    where not exists (
        select 1 from gold.mart_hourly_activity as m
        where m.hour = d.hour and m.platform = d.platform)
    order by hour, platform;
    get diagnostics v_inserted = row_count;
    v_rows := v_rows + v_inserted;

    delete from gold.mart_hourly_activity as m
     using tmp_mart_hourly_activity as s
     where m.hour = s.hour and m.platform = s.platform
       and (m.posts, m.comments, m.observations, m.scored_posts, m.sentiment_sum, m.likes_gained,
            m.shares_gained, m.comments_gained, m.views_gained, m.impressions_gained,
            m.engagement_gained, m.reach_gained)
           = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    return v_rows;
end;
$$;
