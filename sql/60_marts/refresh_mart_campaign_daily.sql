-- smelt.refresh_mart_campaign_daily() -> mart rows changed
-- gold.mart_campaign_daily: campaign performance per day.
-- grain: one row per (UTC day, campaign) with activity; key: (day, campaign_id)
-- upstreams: gold.fct_posts, gold.bridge_post_campaign,
--   gold.fct_engagement_minute, gold.fct_campaign_author_daily,
--   gold.dim_campaign (via pg_temp.tmp_post_delta, tmp_minute_delta,
--   tmp_campaign_author_change)
-- refresh: incremental (signed deltas, applied by smelt.apply_mart_deltas);
-- rows that fall to zero are deleted.
-- metrics (docs/data-dictionary.md):
--   posts, authors       campaign posts created that day, and their distinct authors
--   scored_posts, sentiment_sum, avg_sentiment, positive/neutral/negative_posts
--                        over those posts
--   unscored_posts   posts - scored_posts (a generated column of the table): posts
--                    without text or in a language smelt cannot score; never averaged
--   observations, *_gained, engagement_gained, reach_gained, engagement_rate
--                        gained that day (observed_at) by all the campaign's
--                        posts, whenever they were created
create or replace function smelt.refresh_mart_campaign_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_campaign_daily;
    create temp table tmp_mart_campaign_daily on commit drop as
    with post_changes as (
        select
            smelt.utc_day(d.created_at) as day,
            c.campaign_id,
            d.sign as posts,
            0 as authors,
            0 as observations,
            case when d.sentiment_compound is not null then d.sign else 0 end as scored_posts,
            d.sign * coalesce(d.sentiment_compound::numeric, 0) as sentiment_sum,
            case when d.sentiment_category = 'positive' then d.sign else 0 end as positive_posts,
            case when d.sentiment_category = 'neutral' then d.sign else 0 end as neutral_posts,
            case when d.sentiment_category = 'negative' then d.sign else 0 end as negative_posts,
            0 as likes_gained, 0 as shares_gained, 0 as comments_gained, 0 as views_gained,
            0 as impressions_gained, 0 as engagement_gained, 0 as reach_gained
        from pg_temp.tmp_post_delta as d
        cross join unnest(d.campaign_ids) as c (campaign_id)
    ),

    author_changes as (
        select
            day, campaign_key,
            0, (new_posts > 0)::integer - (old_posts > 0)::integer, 0, 0, 0::numeric, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0
        from pg_temp.tmp_campaign_author_change
    ),

    minute_changes as (
        select
            smelt.utc_day(d.minute), c.campaign_id,
            0, 0, d.sign * d.observations, 0, 0::numeric, 0, 0, 0,
            d.sign * d.likes_gained, d.sign * d.shares_gained, d.sign * d.comments_gained,
            d.sign * d.views_gained, d.sign * d.impressions_gained, d.sign * d.engagement_gained,
            d.sign * d.reach_gained
        from pg_temp.tmp_minute_delta as d
        cross join unnest(d.campaign_ids) as c (campaign_id)
    ),

    changes as (
        select * from post_changes
        union all
        select * from author_changes
        union all
        select * from minute_changes
    ),

    deltas as (
        select
            day,
            campaign_id,
            sum(posts)::bigint as posts,
            sum(authors)::bigint as authors,
            sum(observations)::bigint as observations,
            sum(scored_posts)::bigint as scored_posts,
            sum(sentiment_sum) as sentiment_sum,
            sum(positive_posts)::bigint as positive_posts,
            sum(neutral_posts)::bigint as neutral_posts,
            sum(negative_posts)::bigint as negative_posts,
            sum(likes_gained)::bigint as likes_gained,
            sum(shares_gained)::bigint as shares_gained,
            sum(comments_gained)::bigint as comments_gained,
            sum(views_gained)::bigint as views_gained,
            sum(impressions_gained)::bigint as impressions_gained,
            sum(engagement_gained)::bigint as engagement_gained,
            sum(reach_gained)::bigint as reach_gained
        from changes
        group by day, campaign_id
    ),

    final as (
        select d.*, c.campaign, c.brand
        from deltas as d
        join gold.dim_campaign as c on c.campaign_key = d.campaign_id
    )

    select * from final;

    v_rows := smelt.apply_mart_deltas('gold.mart_campaign_daily',
                                      'pg_temp.tmp_mart_campaign_daily',
                                      '{day,campaign_id}',
                                      jsonb_build_object(
                                          'avg_sentiment', 'smelt.average_sentiment(sentiment_sum, scored_posts)',
                                          'engagement_rate', 'smelt.engagement_rate(engagement_gained, reach_gained)'),
                                      '{campaign,brand}');

    return v_rows;
end;
$$;
