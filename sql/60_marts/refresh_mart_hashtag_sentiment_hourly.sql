-- smelt.refresh_mart_hashtag_sentiment_hourly() -> mart rows changed
-- gold.mart_hashtag_sentiment_hourly: hashtag sentiment per hour (trend lines).
-- grain: one row per (UTC hour of created_at, normalized hashtag) with posts
-- key: (hour, hashtag)
-- upstreams: gold.fct_posts, gold.bridge_post_hashtag (via pg_temp.tmp_post_delta)
-- refresh: incremental (signed deltas); rows that fall to zero are deleted.
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
    v_rows     bigint;
    v_inserted bigint;
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

    select *
    from final
    where (posts, scored_posts, sentiment_sum, positive_posts, neutral_posts, negative_posts)
          <> (0, 0, 0, 0, 0, 0);

    update gold.mart_hashtag_sentiment_hourly as m
       set posts = m.posts + d.posts,
           scored_posts = m.scored_posts + d.scored_posts,
           sentiment_sum = m.sentiment_sum + d.sentiment_sum,
           avg_sentiment = smelt.average_sentiment(m.sentiment_sum + d.sentiment_sum,
                                                   m.scored_posts + d.scored_posts),
           positive_posts = m.positive_posts + d.positive_posts,
           neutral_posts = m.neutral_posts + d.neutral_posts,
           negative_posts = m.negative_posts + d.negative_posts,
           updated_at = now()
      from tmp_mart_hashtag_sentiment_hourly as d
     where m.hour = d.hour and m.hashtag = d.hashtag;
    get diagnostics v_rows = row_count;

    insert into gold.mart_hashtag_sentiment_hourly (
        hour, hashtag, posts, scored_posts, sentiment_sum, avg_sentiment,
        positive_posts, neutral_posts, negative_posts)
    select
        hour, hashtag, posts, scored_posts, sentiment_sum,
        smelt.average_sentiment(sentiment_sum, scored_posts),
        positive_posts, neutral_posts, negative_posts
    from tmp_mart_hashtag_sentiment_hourly as d
    where not exists (
        select 1 from gold.mart_hashtag_sentiment_hourly as m
        where m.hour = d.hour and m.hashtag = d.hashtag)
    order by hour, hashtag;
    get diagnostics v_inserted = row_count;
    v_rows := v_rows + v_inserted;

    delete from gold.mart_hashtag_sentiment_hourly as m
     using tmp_mart_hashtag_sentiment_hourly as s
     where m.hour = s.hour and m.hashtag = s.hashtag
       and (m.posts, m.scored_posts, m.sentiment_sum, m.positive_posts, m.neutral_posts, m.negative_posts)
           = (0, 0, 0, 0, 0, 0);

    return v_rows;
end;
$$;
