-- smelt.refresh_mart_hashtag_daily() -> mart rows changed
-- gold.mart_hashtag_daily: posts and sentiment per hashtag per day (the base
-- of gold.mart_trending_hashtags_7d and of "top hashtags" over any period).
-- grain: one row per (UTC day of created_at, normalized hashtag) with posts
-- key: (day, hashtag)
-- upstreams: gold.fct_posts, gold.bridge_post_hashtag (via pg_temp.tmp_post_delta)
-- refresh: incremental (signed deltas); rows that fall to zero are deleted.
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
    v_rows     bigint;
    v_inserted bigint;
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
    ),

    final as (
        select * from deltas where (posts, scored_posts, sentiment_sum) <> (0, 0, 0)
    )

    select * from final;

    update gold.mart_hashtag_daily as m
       set posts = m.posts + d.posts,
           scored_posts = m.scored_posts + d.scored_posts,
           sentiment_sum = m.sentiment_sum + d.sentiment_sum,
           avg_sentiment = smelt.average_sentiment(m.sentiment_sum + d.sentiment_sum,
                                                   m.scored_posts + d.scored_posts),
           updated_at = now()
      from tmp_mart_hashtag_daily as d
     where m.day = d.day and m.hashtag = d.hashtag;
    get diagnostics v_rows = row_count;

    insert into gold.mart_hashtag_daily (day, hashtag, posts, scored_posts, sentiment_sum, avg_sentiment)
    select day, hashtag, posts, scored_posts, sentiment_sum, smelt.average_sentiment(sentiment_sum, scored_posts)
    from tmp_mart_hashtag_daily as d
    where not exists (
        select 1 from gold.mart_hashtag_daily as m
        where m.day = d.day and m.hashtag = d.hashtag)
    order by day, hashtag;
    get diagnostics v_inserted = row_count;
    v_rows := v_rows + v_inserted;

    delete from gold.mart_hashtag_daily as m
     using tmp_mart_hashtag_daily as s
     where m.day = s.day and m.hashtag = s.hashtag
       and (m.posts, m.scored_posts, m.sentiment_sum) = (0, 0, 0);

    return v_rows;
end;
$$;
