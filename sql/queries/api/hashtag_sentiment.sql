-- Hourly average sentiment of a few hashtags over the last $2 minutes before
-- mart_hashtag_sentiment_hourly's complete_through, the current partial hour
-- included and flagged. The hashtags: $1 (a JSON array of normalized
-- hashtags) when given, else the five with the most posts in the window.
-- Reads gold only.
with freshness as (
    select f.complete_through, date_trunc('hour', f.complete_through - make_interval(mins => $2::integer)) as start_hour
    from gold.mart_freshness as f
    where f.mart = 'mart_hashtag_sentiment_hourly'
),

-- Where whole UTC days begin inside the window: those days' posts come from
-- mart_hashtag_daily (the sum of the day's hours), so ranking the top five
-- over a long window reads one row per hashtag and day, not 24.
split as (
    select
        f.start_hour,
        ((f.start_hour at time zone 'UTC')::date
         + case when f.start_hour = date_trunc('day', f.start_hour at time zone 'UTC') at time zone 'UTC'
                then 0 else 1 end) as first_day
    from freshness as f
),

chosen as (
    select jsonb_array_elements_text($1::jsonb) as hashtag
    where $1::jsonb is not null
    union all
    select t.hashtag
    from (select w.hashtag, sum(w.posts) as posts
          from (select h.hashtag, h.posts
                from gold.mart_hashtag_sentiment_hourly as h
                cross join split as s
                where h.hour >= s.start_hour
                  and h.hour < s.first_day::timestamp at time zone 'UTC'
                union all
                select d.hashtag, d.posts
                from gold.mart_hashtag_daily as d
                cross join split as s
                where d.day >= s.first_day) as w
          group by w.hashtag
          order by posts desc, w.hashtag limit 5) as t
    where $1::jsonb is null
),

-- Only the chosen hashtags' hours (index on hashtag, hour).
in_window as (
    select h.*
    from gold.mart_hashtag_sentiment_hourly as h
    cross join freshness as f
    where h.hashtag in (select c.hashtag from chosen as c)
      and h.hour >= f.start_hour
),

rows as (
    select
        w.hour,
        w.hashtag,
        coalesce(d.display_hashtag, w.hashtag) as display_hashtag,
        w.posts,
        w.scored_posts,
        w.avg_sentiment,
        w.positive_posts,
        w.neutral_posts,
        w.negative_posts,
        w.hour + interval '1 hour' > f.complete_through as partial
    from in_window as w
    left join gold.dim_hashtag as d on d.hashtag = w.hashtag
    cross join freshness as f
)

select json_build_object(
    'complete_through', (select complete_through from freshness),
    'hashtags', coalesce((select json_agg(c.hashtag order by c.hashtag) from chosen as c), '[]'),
    'rows', coalesce((select json_agg(r order by r.hour, r.hashtag) from rows as r), '[]')
)::text;
