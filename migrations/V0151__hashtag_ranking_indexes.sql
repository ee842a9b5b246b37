-- Covering indexes for ranking hashtags over a time window (the dashboard's
-- "five busiest hashtags", sql/queries/api/hashtag_sentiment.sql): the
-- window's first hours come from mart_hashtag_sentiment_hourly, its whole
-- days from mart_hashtag_daily, and both are read as index-only scans of
-- (bucket, hashtag, posts) instead of visiting one heap page per few rows
-- (at the source plan's volume: 3,728 hashtags per hour, 8 M hourly rows
-- for 90 days; a 30-day window reads 157,000 rows).
create index mart_hashtag_sentiment_hourly_hour_posts_idx
    on gold.mart_hashtag_sentiment_hourly (hour) include (hashtag, posts);

create index mart_hashtag_daily_day_posts_idx
    on gold.mart_hashtag_daily (day) include (hashtag, posts);
