-- The gold KPIs a dashboard shows, for a first look in psql.
\pset footer off
\echo 'Top campaigns (gold.mart_campaign_daily, all days)'
select campaign, brand, sum(posts) as posts, sum(authors) as author_days,
       round(sum(sentiment_sum) / nullif(sum(scored_posts), 0), 3) as avg_sentiment,
       sum(likes_gained) as likes_gained, sum(engagement_gained) as engagement_gained
  from gold.mart_campaign_daily
 group by campaign, brand
 order by posts desc
 limit 10;

\echo 'Trending hashtags over 7 days (gold.mart_trending_hashtags_7d)'
select trend_rank, display_hashtag, posts_7d
  from gold.mart_trending_hashtags_7d
 order by trend_rank
 limit 10;

\echo 'Engagement per minute, last 5 complete minutes (gold.mart_engagement_minute)'
select minute::timestamp(0) as minute, platform, posts_observed, likes_gained, shares_gained,
       comments_gained, engagement_rate
  from gold.mart_engagement_minute
 where minute >= (select max(minute) from gold.mart_engagement_minute) - interval '5 minutes'
   and minute < (select max(minute) from gold.mart_engagement_minute)
 order by minute desc, platform;

\echo 'Sentiment by hashtag (gold.mart_hashtag_sentiment_hourly; hashtags with 30+ scored posts)'
select hashtag, sum(scored_posts) as scored_posts,
       round(sum(sentiment_sum) / nullif(sum(scored_posts), 0), 3) as avg_sentiment,
       sum(positive_posts) as positive, sum(negative_posts) as negative
  from gold.mart_hashtag_sentiment_hourly
 group by hashtag
having sum(scored_posts) >= 30
 order by avg_sentiment desc
 limit 12;

\echo 'Freshness (gold.mart_freshness)'
select mart, grain, complete_through::timestamp(0) as complete_through,
       round(extract(epoch from now() - refreshed_at)::numeric, 1) as seconds_since_refresh
  from gold.mart_freshness
 order by mart;
