-- smelt.refresh_mart_hashtag_daily() -> mart rows changed
-- gold.mart_hashtag_daily: posts and sentiment per hashtag per day (the base
-- of gold.mart_trending_hashtags_7d and of "top hashtags" over any period).
-- grain: one row per (UTC day of created_at, normalized hashtag) with posts
-- key: (day, hashtag)
-- upstreams: gold.fct_posts, gold.bridge_post_hashtag (via pg_temp.tmp_post_delta)
-- refresh: incremental (signed deltas, applied by smelt.apply_mart_deltas);
-- rows that fall to zero are deleted.
-- metrics: posts, scored_posts, sentiment_sum, avg_sentiment as in
-- gold.mart_hashtag_sentiment_hourly, per day.
--   unscored_posts   posts - scored_posts (a generated column of the table): posts
--                    without text or in a language smelt cannot score; never averaged
create or replace function smelt.refresh_mart_hashtag_daily()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_hashtag_daily;
    create temp table tmp_mart_hashtag_daily on commit drop as
    with changes as (
        select smelt.utc_day(d.created_at) as day, h.hashtag, d.sign, d.sentiment_compound
        from pg_temp.tmp_post_delta as d
        cross join unnest(d.hashtags) as h (hashtag)
    ),

    deltas as (
        select
            day,
            hashtag,
            sum(sign)::bigint as posts,
            coalesce(sum(sign) filter (where sentiment_compound is not null), 0) as scored_posts,
            coalesce(sum(sign * sentiment_compound::numeric), 0) as sentiment_sum
        from changes
        group by day, hashtag
    )

    select * from deltas;

    v_rows := smelt.apply_mart_deltas('gold.mart_hashtag_daily',
                                      'pg_temp.tmp_mart_hashtag_daily',
                                      '{day,hashtag}',
                                      '{"avg_sentiment": "smelt.average_sentiment(sentiment_sum, scored_posts)"}');

    return v_rows;
end;
$$;
