-- The top $1 trending hashtags over the rolling 7 days
-- (gold.mart_trending_hashtags_7d, which ranks the few thousand rows of
-- gold.mart_hashtag_totals_7d kept by the refresh). Reads gold only.
with rows as (
    select t.trend_rank, t.hashtag, t.display_hashtag, t.posts_7d, t.posts_previous_7d, t.growth_pct,
           t.window_start, t.window_end
    from gold.mart_trending_hashtags_7d as t
    order by t.trend_rank, t.hashtag
    limit $1::integer
)

select json_build_object(
    'rows', coalesce((select json_agg(r order by r.trend_rank, r.hashtag) from rows as r), '[]')
)::text;
