-- Every mart on a small hand-computed data set (in a session whose time zone
-- is not UTC): five posts on three
-- platforms over two days, two campaigns of two brands, three comments,
-- a counter regression, a missing counter, an unscored post. Then a late
-- observation moves the minute marts incrementally. Expected values are
-- worked out by hand in the comments.
begin;
\ir lib/helpers.sql
select plan(21);

-- buckets are UTC whatever the session's time zone
set local timezone = 'Asia/Kolkata';

select from smelt.add_campaign('Aurora launch', 'Aurora', '{#AuroraX2}', '{Aurora X2}', '2026-01-01 00:00+00');
select from smelt.add_campaign('Verde summer', 'Verde', '{VerdeCola}', '{}', '2026-01-01 00:00+00',
                          '2026-01-05 12:00+00');

-- P1 x u1 10:00 #AuroraX2 #news +0.5 en US: (likes, shares, comments, impressions)
--   10:00:30 (2,1,0,100)  10:01:20 (5,1,1,300)  11:05:00 (6,2,1,500)
select from test.post('x', 'P1', '2026-01-05 10:00:30+00', 2, 1, 0, null, 100, '{#AuroraX2,#news}',
                 p_created_at => '2026-01-05 10:00+00', p_author_id => 'u1', p_sentiment => 0.5,
                 p_category => 'positive', p_region => 'US');
select from test.post('x', 'P1', '2026-01-05 10:01:20+00', 5, 1, 1, null, 300, '{#AuroraX2,#news}',
                 p_created_at => '2026-01-05 10:00+00', p_author_id => 'u1', p_sentiment => 0.5,
                 p_category => 'positive', p_region => 'US');
select from test.post('x', 'P1', '2026-01-05 11:05:00+00', 6, 2, 1, null, 500, '{#AuroraX2,#news}',
                 p_created_at => '2026-01-05 10:00+00', p_author_id => 'u1', p_sentiment => 0.5,
                 p_category => 'positive', p_region => 'US');
-- P2 x u2 10:30 #news -0.5 es, text names the brand: 10:30:10 (1,0,0,50) 10:31:00 (0,0,0,80)
select from test.post('x', 'P2', '2026-01-05 10:30:10+00', 1, 0, 0, null, 50, '{#news}', 'loving the aurora x2!',
                 p_created_at => '2026-01-05 10:30+00', p_author_id => 'u2', p_sentiment => -0.5,
                 p_category => 'negative', p_language => 'es');
select from test.post('x', 'P2', '2026-01-05 10:31:00+00', 0, 0, 0, null, 80, '{#news}', 'loving the aurora x2!',
                 p_created_at => '2026-01-05 10:30+00', p_author_id => 'u2', p_sentiment => -0.5,
                 p_category => 'negative', p_language => 'es');
-- P3 tiktok t1 10:15 #VerdeCola 0.0 en GB: (likes, shares, comments, views)
--   10:15:40 (10,2,3,1000)  10:16:10 (20,-,3,1500), shares not reported
select from test.post('tiktok', 'P3', '2026-01-05 10:15:40+00', 10, 2, 3, 1000, null, '{#VerdeCola}',
                 p_created_at => '2026-01-05 10:15+00', p_author_id => 't1', p_region => 'GB');
select from test.post('tiktok', 'P3', '2026-01-05 10:16:10+00', 20, null, 3, 1500, null, '{#VerdeCola}',
                 p_created_at => '2026-01-05 10:15+00', p_author_id => 't1', p_region => 'GB');
-- P4 reddit r1 12:30 (after Verde ended) #VerdeCola, unscored, und: 12:30:30 likes 7 comments 1
select from test.post('reddit', 'P4', '2026-01-05 12:30:30+00', 7, null, 1, null, null, '{#VerdeCola}',
                 p_created_at => '2026-01-05 12:30+00', p_author_id => 'r1', p_sentiment => null,
                 p_category => null, p_language => 'und');
-- P5 x u1 next day 09:00 #news +0.25 en US: 09:00:30 (3,0,0,30)
select from test.post('x', 'P5', '2026-01-06 09:00:30+00', 3, 0, 0, null, 30, '{#news}',
                 p_created_at => '2026-01-06 09:00+00', p_author_id => 'u1', p_sentiment => 0.25,
                 p_category => 'positive', p_region => 'US');
-- comments: C1 by u3 and C2 by u1 on P1 (x, en), C3 by t2 on P3 next day (tiktok, de)
select from test.comment('x', 'C1', 'P1', 'u3', '2026-01-05 10:05+00');
select from test.comment('x', 'C2', 'P1', 'u1', '2026-01-05 10:40+00');
select from test.comment('tiktok', 'C3', 'P3', 't2', '2026-01-06 08:00+00', p_language => 'de');
select from test.merge_live('m1', '{1}');

select is(test.refresh('g1'), 'ok', 'the refresh publishes');

-- engagement rate = (likes + shares + comments) gained / reach gained x 100;
-- reach = impressions, or views where the post reports no impressions
select results_eq(
    $$select minute, platform, posts_observed, observations, likes_gained, shares_gained, comments_gained,
             views_gained, impressions_gained, engagement_gained, reach_gained, engagement_rate
      from gold.mart_engagement_minute order by minute, platform$$,
    $$values
      ('2026-01-05 10:00+00'::timestamptz, 'x'::text, 1::bigint, 1::bigint, 2::bigint, 1::bigint, 0::bigint, 0::bigint, 100::bigint, 3::bigint, 100::bigint, 3.0000::numeric),
      ('2026-01-05 10:01+00', 'x', 1, 1, 3, 0, 1, 0, 200, 4, 200, 2.0000),
      ('2026-01-05 10:15+00', 'tiktok', 1, 1, 10, 2, 3, 1000, 0, 15, 1000, 1.5000),
      ('2026-01-05 10:16+00', 'tiktok', 1, 1, 10, 0, 0, 500, 0, 10, 500, 2.0000),
      ('2026-01-05 10:30+00', 'x', 1, 1, 1, 0, 0, 0, 50, 1, 50, 2.0000),
      ('2026-01-05 10:31+00', 'x', 1, 1, -1, 0, 0, 0, 30, -1, 30, -3.3333),
      ('2026-01-05 11:05+00', 'x', 1, 1, 1, 1, 0, 0, 200, 2, 200, 1.0000),
      ('2026-01-05 12:30+00', 'reddit', 1, 1, 7, 0, 1, 0, 0, 8, 0, null),
      ('2026-01-06 09:00+00', 'x', 1, 1, 3, 0, 0, 0, 30, 3, 30, 10.0000)$$,
    'mart_engagement_minute: gains per platform per minute, a regression counted negative, a missing counter carried');

select results_eq(
    $$select hour, platform, posts, comments, observations, scored_posts, avg_sentiment, likes_gained,
             shares_gained, comments_gained, views_gained, impressions_gained, engagement_gained,
             reach_gained, engagement_rate
      from gold.mart_hourly_activity order by hour, platform$$,
    $$values
      ('2026-01-05 10:00+00'::timestamptz, 'tiktok'::text, 1::bigint, 0::bigint, 2::bigint, 1::bigint, 0.0000::numeric, 20::bigint, 2::bigint, 3::bigint, 1500::bigint, 0::bigint, 25::bigint, 1500::bigint, 1.6667::numeric),
      ('2026-01-05 10:00+00', 'x', 2, 2, 4, 2, 0.0000, 5, 1, 1, 0, 380, 7, 380, 1.8421),
      ('2026-01-05 11:00+00', 'x', 0, 0, 1, 0, null, 1, 1, 0, 0, 200, 2, 200, 1.0000),
      ('2026-01-05 12:00+00', 'reddit', 1, 0, 1, 0, null, 7, 0, 1, 0, 0, 8, 0, null),
      ('2026-01-06 08:00+00', 'tiktok', 0, 1, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, null),
      ('2026-01-06 09:00+00', 'x', 1, 0, 1, 1, 0.2500, 3, 0, 0, 0, 30, 3, 30, 10.0000)$$,
    'mart_hourly_activity: posts and comments by creation hour, gains by observation hour');

select results_eq(
    $$select hour, hashtag, posts, scored_posts, avg_sentiment, positive_posts, neutral_posts, negative_posts
      from gold.mart_hashtag_sentiment_hourly order by hour, hashtag$$,
    $$values
      ('2026-01-05 10:00+00'::timestamptz, 'aurorax2'::text, 1::bigint, 1::bigint, 0.5000::numeric, 1::bigint, 0::bigint, 0::bigint),
      ('2026-01-05 10:00+00', 'news', 2, 2, 0.0000, 1, 0, 1),
      ('2026-01-05 10:00+00', 'verdecola', 1, 1, 0.0000, 0, 1, 0),
      ('2026-01-05 12:00+00', 'verdecola', 1, 0, null, 0, 0, 0),
      ('2026-01-06 09:00+00', 'news', 1, 1, 0.2500, 1, 0, 0)$$,
    'mart_hashtag_sentiment_hourly: posts and sentiment per hashtag per hour, unscored posts not averaged');

select results_eq(
    $$select day, hashtag, posts, scored_posts, avg_sentiment from gold.mart_hashtag_daily order by day, hashtag$$,
    $$values
      ('2026-01-05'::date, 'aurorax2'::text, 1::bigint, 1::bigint, 0.5000::numeric),
      ('2026-01-05', 'news', 2, 2, 0.0000),
      ('2026-01-05', 'verdecola', 2, 1, 0.0000),
      ('2026-01-06', 'news', 1, 1, 0.2500)$$,
    'mart_hashtag_daily: posts and sentiment per hashtag per day');

select results_eq(
    $$select trend_rank, hashtag, display_hashtag, posts_7d, posts_previous_7d, growth_pct, window_start, window_end
      from gold.mart_trending_hashtags_7d order by trend_rank$$,
    $$values
      (1::bigint, 'news'::text, 'news'::text, 3::bigint, 0::bigint, null::numeric, '2025-12-31'::date, '2026-01-06'::date),
      (2, 'verdecola', 'VerdeCola', 2, 0, null, '2025-12-31', '2026-01-06'),
      (3, 'aurorax2', 'AuroraX2', 1, 0, null, '2025-12-31', '2026-01-06')$$,
    'mart_trending_hashtags_7d: posts over the 7 days ending with the complete_through day');

-- Aurora: P1 by hashtag, P2 by keyword; Verde: P3 (P4 came after it ended)
select results_eq(
    $$select cp.campaign_id, cp.post_id, cp.matched_by from silver.campaign_posts as cp order by 1, 2$$,
    $$values (1, 'P1'::text, 'hashtag'::text), (1, 'P2', 'keyword'), (2, 'P3', 'hashtag')$$,
    'campaign matching: a hashtag, or a keyword as a whole word, within the campaign period');

select results_eq(
    $$select day, campaign, brand, posts, authors, observations, scored_posts, avg_sentiment, positive_posts,
             neutral_posts, negative_posts, likes_gained, shares_gained, comments_gained, views_gained,
             impressions_gained, engagement_gained, reach_gained, engagement_rate
      from gold.mart_campaign_daily order by day, campaign$$,
    $$values
      ('2026-01-05'::date, 'Aurora launch'::text, 'Aurora'::text, 2::bigint, 2::bigint, 5::bigint, 2::bigint, 0.0000::numeric, 1::bigint, 0::bigint, 1::bigint, 6::bigint, 2::bigint, 1::bigint, 0::bigint, 580::bigint, 9::bigint, 580::bigint, 1.5517::numeric),
      ('2026-01-05', 'Verde summer', 'Verde', 1, 1, 2, 1, 0.0000, 0, 1, 0, 20, 2, 3, 1500, 0, 25, 1500, 1.6667)$$,
    'mart_campaign_daily: posts, authors, sentiment and gains per campaign per day');

select results_eq(
    $$select day, brand, posts, observations, engagement_gained, share_of_voice, engagement_share
      from gold.mart_share_of_voice_daily order by day, brand$$,
    $$values
      ('2026-01-05'::date, 'Aurora'::text, 2::bigint, 5::bigint, 9::bigint, 66.6667::numeric, 26.4706::numeric),
      ('2026-01-05', 'Verde', 1, 2, 25, 33.3333, 73.5294)$$,
    'mart_share_of_voice_daily: each brand''s share of the day''s brand posts and engagement');

select results_eq(
    $$select day, platform, active_users, posting_users, commenting_users
      from gold.mart_daily_active_users order by day, platform$$,
    $$values
      ('2026-01-05'::date, 'reddit'::text, 1::bigint, 1::bigint, 0::bigint),
      ('2026-01-05', 'tiktok', 1, 1, 0),
      ('2026-01-05', 'x', 3, 2, 2),
      ('2026-01-06', 'tiktok', 1, 0, 1),
      ('2026-01-06', 'x', 1, 1, 0)$$,
    'mart_daily_active_users: distinct accounts that posted or commented, each counted once a day');

select results_eq(
    $$select day, platform, region, posts from gold.mart_volume_by_region_daily order by day, platform, region$$,
    $$values
      ('2026-01-05'::date, 'reddit'::text, 'unknown'::text, 1::bigint),
      ('2026-01-05', 'tiktok', 'GB', 1),
      ('2026-01-05', 'x', 'US', 1),
      ('2026-01-05', 'x', 'unknown', 1),
      ('2026-01-06', 'x', 'US', 1)$$,
    'mart_volume_by_region_daily: posts per region per day');

select results_eq(
    $$select day, platform, language, posts, comments
      from gold.mart_volume_by_language_daily order by day, platform, language$$,
    $$values
      ('2026-01-05'::date, 'reddit'::text, 'und'::text, 1::bigint, 0::bigint),
      ('2026-01-05', 'tiktok', 'en', 1, 0),
      ('2026-01-05', 'x', 'en', 1, 2),
      ('2026-01-05', 'x', 'es', 1, 0),
      ('2026-01-06', 'tiktok', 'de', 0, 1),
      ('2026-01-06', 'x', 'en', 1, 0)$$,
    'mart_volume_by_language_daily: posts and comments per language per day');

-- one Kafka partition, newest observed_at 2026-01-06 09:00:30
select results_eq(
    $$select mart, complete_through from gold.mart_freshness
      where mart in ('mart_engagement_minute', 'mart_hourly_activity', 'mart_daily_active_users')
      order by mart$$,
    $$values ('mart_daily_active_users'::text, '2026-01-06 00:00+00'::timestamptz),
             ('mart_engagement_minute', '2026-01-06 09:00+00'),
             ('mart_hourly_activity', '2026-01-06 09:00+00')$$,
    'complete_through is the start of the bucket holding the watermark');

select results_eq(
    $$select p.post_id, f.likes, f.shares, f.comments, f.views, f.impressions, f.engagement, f.hashtags, f.campaign_ids
      from gold.fct_posts as f join gold.dim_post as p using (post_key) order by p.post_id$$,
    $$values ('P1'::text, 6::bigint, 2::bigint, 1::bigint, null::bigint, 500::bigint, 9::bigint, '{aurorax2,news}'::text[], '{1}'::integer[]),
             ('P2', 0, 0, 0, null, 80, 0, '{news}', '{1}'),
             ('P3', 20, 2, 3, 1500, null, 25, '{verdecola}', '{2}'),
             ('P4', 7, null, 1, null, null, 8, '{verdecola}', '{}'),
             ('P5', 3, 0, 0, null, 30, 3, '{news}', '{}')$$,
    'fct_posts holds current counters, engagement, hashtags and campaigns');

-- a late observation of P1 at 10:00:50 (likes 4) splits P1's 10:01 gain
select from test.post('x', 'P1', '2026-01-05 10:00:50+00', 4, 1, 0, null, 150, '{#AuroraX2,#news}',
                 p_created_at => '2026-01-05 10:00+00', p_author_id => 'u1', p_sentiment => 0.5,
                 p_category => 'positive', p_region => 'US');
select from test.merge_live('m2', '{2}');
select is(test.refresh('g2'), 'ok', 'the refresh after a late observation publishes');
select results_eq(
    $$select minute, posts_observed, observations, likes_gained, impressions_gained, engagement_gained
      from gold.mart_engagement_minute where platform = 'x' and minute < '2026-01-05 10:02+00' order by minute$$,
    $$values ('2026-01-05 10:00+00'::timestamptz, 1::bigint, 2::bigint, 4::bigint, 150::bigint, 5::bigint),
             ('2026-01-05 10:01+00', 1, 1, 1, 150, 2)$$,
    'a late observation moves likes between minutes, incrementally');
select results_eq(
    $$select likes_gained, observations, engagement_gained from gold.mart_hourly_activity
      where platform = 'x' and hour = '2026-01-05 10:00+00'$$,
    $$values (5::bigint, 5::bigint, 7::bigint)$$,
    'the hour total is unchanged, with one more observation');
select results_eq(
    $$select likes_gained, observations from gold.mart_campaign_daily where campaign = 'Aurora launch'$$,
    $$values (6::bigint, 6::bigint)$$,
    'the campaign day total is unchanged, with one more observation');

-- likes in the last 5 minutes: the five minutes ending at complete_through
select from test.post('x', 'P6', '2026-01-06 10:00:10+00', 4, p_created_at => '2026-01-06 10:00+00', p_author_id => 'u9');
select from test.post('tiktok', 'P7', '2026-01-06 10:02:00+00', 6, p_created_at => '2026-01-06 10:01+00',
                 p_author_id => 't9', p_kafka_partition => 1);
select from test.post('x', 'P6', '2026-01-06 10:06:30+00', 9, p_created_at => '2026-01-06 10:00+00', p_author_id => 'u9');
select from test.post('tiktok', 'P7', '2026-01-06 10:06:40+00', 6, p_created_at => '2026-01-06 10:01+00',
                 p_author_id => 't9', p_kafka_partition => 1);
select from test.merge_live('m3', '{3}');
select is(test.refresh('g3'), 'ok', 'the refresh with two partitions publishes');
select results_eq(
    $$select platform, window_start, window_end, likes_gained from gold.mart_likes_last_5_minutes order by platform$$,
    $$values ('instagram'::text, '2026-01-06 10:01+00'::timestamptz, '2026-01-06 10:06+00'::timestamptz, 0::bigint),
             ('reddit', '2026-01-06 10:01+00', '2026-01-06 10:06+00', 0),
             ('tiktok', '2026-01-06 10:01+00', '2026-01-06 10:06+00', 6),
             ('x', '2026-01-06 10:01+00', '2026-01-06 10:06+00', 0),
             ('youtube', '2026-01-06 10:01+00', '2026-01-06 10:06+00', 0)$$,
    'mart_likes_last_5_minutes: likes gained in [complete_through - 5 min, complete_through)');

select is_empty(
    $$select * from smelt.run_checks('c1', 'error') where failing_rows > 0$$,
    'every error check passes over all data');

select * from finish();
rollback;
