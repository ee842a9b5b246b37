-- gold.mart_trending_hashtags_7d: trending hashtags over a rolling 7 days.
-- grain: one row per hashtag used in the window; key: hashtag
-- upstreams: gold.mart_hashtag_daily, gold.dim_hashtag, gold.mart_freshness
-- refresh: a view, current with every published refresh. The window is the
-- 7 UTC days ending with the day of mart_hashtag_sentiment_hourly's
-- complete_through (that day counts up to complete_through); the previous
-- window is the 7 days before it.
-- metrics (docs/data-dictionary.md):
--   posts_7d           posts created in the window carrying the hashtag
--   posts_previous_7d  the same over the previous 7 days
--   growth_pct         (posts_7d - posts_previous_7d) / posts_previous_7d x 100,
--                      rounded to 2 decimals; NULL when posts_previous_7d = 0
--   trend_rank         1 = most posts in the window (ties: hashtag order)
create or replace view gold.mart_trending_hashtags_7d as
with freshness as (
    select (complete_through at time zone 'UTC')::date as last_day
    from gold.mart_freshness
    where mart = 'mart_hashtag_sentiment_hourly'
),

windows as (
    select last_day - 6 as window_start, last_day as window_end, last_day - 13 as previous_start
    from freshness
),

daily as (
    select
        d.hashtag,
        sum(d.posts) filter (where d.day >= w.window_start) as posts_7d,
        sum(d.posts) filter (where d.day < w.window_start) as posts_previous_7d
    from gold.mart_hashtag_daily as d
    cross join windows as w
    where d.day >= w.previous_start and d.day <= w.window_end
    group by d.hashtag
),

final as (
    select
        rank() over (order by coalesce(d.posts_7d, 0) desc, d.hashtag) as trend_rank,
        d.hashtag,
        h.display_hashtag,
        coalesce(d.posts_7d, 0)::bigint as posts_7d,
        coalesce(d.posts_previous_7d, 0)::bigint as posts_previous_7d,
        case when d.posts_previous_7d > 0
             then round(100.0 * (coalesce(d.posts_7d, 0) - d.posts_previous_7d) / d.posts_previous_7d, 2)
        end as growth_pct,
        w.window_start,
        w.window_end
    from daily as d
    cross join windows as w
    left join gold.dim_hashtag as h on h.hashtag = d.hashtag
    where d.posts_7d > 0
)

select * from final;
