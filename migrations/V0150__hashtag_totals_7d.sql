-- gold.mart_hashtag_totals_7d: each hashtag's posts over the rolling 7-day
-- trending window and the 7 days before it, kept by the gold refresh
-- (smelt.refresh_mart_hashtag_totals_7d) so that the trending ranking reads
-- one row per hashtag instead of summing 14 days of every hashtag.
-- grain: one row per hashtag with posts in the 14 days; key: hashtag
-- window_start / window_end: the 7 UTC days ending with the day of
-- mart_hashtag_sentiment_hourly's complete_through, the same in every row.
create table gold.mart_hashtag_totals_7d (
    hashtag           text        primary key,
    window_start      date        not null,
    window_end        date        not null,
    posts_7d          bigint      not null check (posts_7d >= 0),
    posts_previous_7d bigint      not null check (posts_previous_7d >= 0),
    updated_at        timestamptz not null default now()
);

-- the current window's totals for a database that already has gold; from
-- here on smelt.refresh_mart_hashtag_totals_7d keeps them
insert into gold.mart_hashtag_totals_7d (hashtag, window_start, window_end, posts_7d, posts_previous_7d)
select
    d.hashtag,
    f.last_day - 6,
    f.last_day,
    coalesce(sum(d.posts) filter (where d.day >= f.last_day - 6), 0),
    coalesce(sum(d.posts) filter (where d.day < f.last_day - 6), 0)
from gold.mart_hashtag_daily as d
cross join (select (complete_through at time zone 'UTC')::date as last_day
            from gold.mart_freshness
            where mart = 'mart_hashtag_sentiment_hourly' and complete_through is not null) as f
where d.day >= f.last_day - 13 and d.day <= f.last_day
group by d.hashtag, f.last_day
having sum(d.posts) > 0;
