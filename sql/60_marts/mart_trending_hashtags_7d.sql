-- gold.mart_trending_hashtags_7d: trending hashtags over a rolling 7 days.
-- grain: one row per hashtag used in the window; key: hashtag
-- upstreams: gold.mart_hashtag_totals_7d (posts per hashtag over the window
--   and the 7 days before it, kept by the gold refresh from
--   gold.mart_hashtag_daily), gold.dim_hashtag
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
with totals as (
    select t.hashtag, t.posts_7d, t.posts_previous_7d, t.window_start, t.window_end
    from gold.mart_hashtag_totals_7d as t
    where t.posts_7d > 0
),

final as (
    select
        rank() over (order by t.posts_7d desc, t.hashtag) as trend_rank,
        t.hashtag,
        h.display_hashtag,
        t.posts_7d,
        t.posts_previous_7d,
        case when t.posts_previous_7d > 0
             then round(100.0 * (t.posts_7d - t.posts_previous_7d) / t.posts_previous_7d, 2)
        end as growth_pct,
        t.window_start,
        t.window_end
    from totals as t
    left join gold.dim_hashtag as h on h.hashtag = t.hashtag
)

select * from final;
