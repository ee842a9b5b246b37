-- Campaign performance per UTC day over the last $2 days up to the day of
-- mart_campaign_daily's complete_through (that day is partial and flagged).
-- $1 campaign id (NULL: every campaign). Reads gold only.
with freshness as (
    select (f.complete_through at time zone 'UTC')::date as last_day, f.complete_through
    from gold.mart_freshness as f
    where f.mart = 'mart_campaign_daily'
),

rows as (
    select
        c.day,
        c.campaign_id,
        c.campaign,
        c.brand,
        c.posts,
        c.authors,
        c.engagement_gained,
        c.likes_gained,
        c.reach_gained,
        c.engagement_rate,
        c.avg_sentiment,
        c.positive_posts,
        c.negative_posts,
        c.day >= f.last_day as partial
    from gold.mart_campaign_daily as c
    cross join freshness as f
    where c.day > f.last_day - $2::integer
      and c.day <= f.last_day
      and ($1::integer is null or c.campaign_id = $1::integer)
)

select json_build_object(
    'complete_through', (select complete_through from freshness),
    'rows', coalesce((select json_agg(r order by r.day, r.campaign) from rows as r), '[]')
)::text;
