-- smelt.refresh_mart_hashtag_sentiment_hourly() -> mart rows changed
-- gold.mart_hashtag_sentiment_hourly: hashtag sentiment per hour (trend lines).
-- grain: one row per (UTC hour of created_at, normalized hashtag) with posts
-- key: (hour, hashtag)
-- upstreams: gold.fct_posts, gold.bridge_post_hashtag (via pg_temp.tmp_post_delta)
-- refresh: incremental (signed deltas, applied by smelt.apply_mart_deltas);
-- rows that fall to zero are deleted.
-- metrics (docs/data-dictionary.md):
--   posts            posts created in the hour carrying the hashtag
--   scored_posts     of those, posts with a sentiment score
--   unscored_posts   posts - scored_posts (a generated column of the table): posts
--                    without text or in a language smelt cannot score; never averaged
--   sentiment_sum    sum of their sentiment_compound (exact numeric)
--   avg_sentiment    smelt.average_sentiment(sentiment_sum, scored_posts)
--   positive_posts, neutral_posts, negative_posts  by sentiment_category
create or replace function smelt.refresh_mart_hashtag_sentiment_hourly()
returns bigint
language plpgsql
set client_min_messages = warning
as $$
declare
    v_rows bigint;
begin
    drop table if exists pg_temp.tmp_mart_hashtag_sentiment_hourly;
    create temp table tmp_mart_hashtag_sentiment_hourly on commit drop as
    with changes as (
        select
            smelt.utc_hour(d.created_at) as hour,
            h.hashtag,
            d.sign,
            d.sentiment_compound,
            d.sentiment_category
        from pg_temp.tmp_post_delta as d
        cross join unnest(d.hashtags) as h (hashtag)
    ),

    deltas as (
        select
            hour,
            hashtag,
            sum(sign)::bigint as posts,
            sum(sign) filter (where sentiment_compound is not null) as scored_posts,
            sum(sign * sentiment_compound::numeric) as sentiment_sum,
            sum(sign) filter (where sentiment_category = 'positive') as positive_posts,
            sum(sign) filter (where sentiment_category = 'neutral') as neutral_posts,
            sum(sign) filter (where sentiment_category = 'negative') as negative_posts
        from changes
        group by hour, hashtag
    ),

    final as (
        select
            hour,
            hashtag,
            posts,
            coalesce(scored_posts, 0) as scored_posts,
            coalesce(sentiment_sum, 0) as sentiment_sum,
            coalesce(positive_posts, 0) as positive_posts,
            coalesce(neutral_posts, 0) as neutral_posts,
            coalesce(negative_posts, 0) as negative_posts
        from deltas
    )

    select * from final;

    v_rows := smelt.apply_mart_deltas('gold.mart_hashtag_sentiment_hourly',
                                      'pg_temp.tmp_mart_hashtag_sentiment_hourly',
                                      '{hour,hashtag}',
                                      '{"avg_sentiment": "smelt.average_sentiment(sentiment_sum, scored_posts)"}');

    return v_rows;
end;
$$;
