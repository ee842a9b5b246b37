-- Backfill: recomputing a range from (re-decoded) bronze with the same
-- procedures equals what the live pipeline produced, and running it twice
-- changes nothing. The marts do not depend on arrival order: the same
-- events merged live in three out-of-order batches, with duplicates, or in
-- one batch give the same marts. A campaign added later counts its
-- historical posts after a backfill; an ended one stops counting.
begin;
\ir lib/helpers.sql
select plan(11);

-- the events, as the decoders would stage them (kafka offsets fixed)
create temp table events (
    n integer, source text, post_id text, observed_at timestamptz, likes bigint, shares bigint,
    comments bigint, views bigint, hashtags text[], body text, created_at timestamptz, author text,
    sentiment double precision, category text, batch integer);
insert into events values
    (1,  'x', 'A', '2026-03-02 09:00:20+00', 1, 0, 0, null, '{#spring,#Sale}', 'spring sale', '2026-03-02 09:00+00', 'u1', 0.4, 'positive', 3),
    (2,  'x', 'A', '2026-03-02 09:01:20+00', 4, 1, 0, null, '{#spring,#Sale}', 'spring sale', '2026-03-02 09:00+00', 'u1', 0.4, 'positive', 1),
    (3,  'x', 'A', '2026-03-02 09:01:20+00', 4, 1, 0, null, '{#spring,#Sale}', 'spring sale', '2026-03-02 09:00+00', 'u1', 0.4, 'positive', 2),
    (4,  'x', 'A', '2026-03-02 09:03:00+00', 3, 1, 2, null, '{#spring,#Sale}', 'spring sale', '2026-03-02 09:00+00', 'u1', 0.4, 'positive', 1),
    (5,  'tiktok', 'B', '2026-03-02 09:02:10+00', 10, 1, 1, 100, '{#spring}', 'try the Nimbus Air deal', '2026-03-02 09:02+00', 't1', -0.3, 'negative', 2),
    (6,  'tiktok', 'B', '2026-03-02 09:04:10+00', 15, null, 2, 250, '{#spring}', 'try the Nimbus Air deal', '2026-03-02 09:02+00', 't1', -0.3, 'negative', 1),
    (7,  'tiktok', 'B', '2026-03-03 00:00:10+00', 16, 3, 2, 400, '{#spring}', 'try the Nimbus Air deal', '2026-03-02 09:02+00', 't1', -0.3, 'negative', 3),
    (8,  'youtube', 'C', '2026-03-02 23:59:50+00', 5, 0, 1, 900, '{#Sale}', 'late night sale', '2026-03-02 23:50+00', 'y1', 0.0, 'neutral', 2),
    (9,  'youtube', 'C', '2026-03-02 23:58:50+00', 2, 0, 1, 300, '{#Sale}', 'late night sale', '2026-03-02 23:50+00', 'y1', 0.0, 'neutral', 3),
    (10, 'reddit', 'D', '2026-03-03 08:00:00+00', 7, null, 3, null, '{}', 'nothing to see', '2026-03-03 07:59+00', 'r1', 0.1, 'positive', 1);

create function pg_temp.stage(p_batch integer) returns void language sql as $$
    select count(test.post(source, post_id, observed_at, likes, shares, comments, views, null, hashtags, body,
                           created_at, author, sentiment, category, p_kafka_offset => n))
    from events where p_batch is null or batch = p_batch
$$;

create function pg_temp.marts() returns setof text language sql as $$
    select 'engagement_minute ' || row(minute, platform, posts_observed, observations, likes_gained, shares_gained,
           comments_gained, views_gained, impressions_gained, engagement_gained, reach_gained, engagement_rate)::text
    from gold.mart_engagement_minute
    union all
    select 'hourly ' || row(hour, platform, posts, comments, observations, scored_posts, sentiment_sum, avg_sentiment,
           likes_gained, shares_gained, comments_gained, views_gained, engagement_gained, reach_gained,
           engagement_rate)::text
    from gold.mart_hourly_activity
    union all
    select 'hashtag_hourly ' || row(hour, hashtag, posts, scored_posts, sentiment_sum, avg_sentiment,
           positive_posts, neutral_posts, negative_posts)::text
    from gold.mart_hashtag_sentiment_hourly
    union all
    select 'hashtag_daily ' || row(day, hashtag, posts, scored_posts, sentiment_sum)::text from gold.mart_hashtag_daily
    union all
    select 'campaign ' || row(day, campaign, posts, authors, observations, likes_gained, engagement_gained,
           reach_gained, engagement_rate)::text
    from gold.mart_campaign_daily
    union all
    select 'voice ' || row(day, brand, posts, observations, engagement_gained, share_of_voice, engagement_share)::text
    from gold.mart_share_of_voice_daily
    union all
    select 'dau ' || row(day, platform, active_users, posting_users, commenting_users)::text
    from gold.mart_daily_active_users
    union all
    select 'region ' || row(day, platform, region, posts)::text from gold.mart_volume_by_region_daily
    union all
    select 'language ' || row(day, platform, language, posts, comments)::text from gold.mart_volume_by_language_daily
$$;

select from smelt.add_campaign('Spring sale', 'Acme', '{sale}', '{}', '2026-03-01 00:00+00');

-- live: three batches, out of order and with a duplicate, each refreshed
select from pg_temp.stage(1);
select from test.merge_live('live1', '{1}');
select from test.refresh('live1');
select from pg_temp.stage(2);
select from test.merge_live('live2', '{2}');
select from test.refresh('live2');
select from pg_temp.stage(3);
select from test.merge_live('live3', '{3}');
select is(test.refresh('live3'), 'ok', 'the live refreshes publish');

create temp table live_marts as select * from pg_temp.marts();
select test.gold_fingerprint('{mart_freshness}') as live_gold \gset

-- backfill the whole range: re-decode everything (merge without batches), then backfill gold
select from pg_temp.stage(null);
select from test.merge('backfill1');
call smelt.backfill_gold('backfill1', '2026-03-02 00:00+00', '2026-03-04 00:00+00');
select is((select status from smelt.refresh_runs where run_id = 'backfill1' and model = 'gold'), 'ok',
          'the backfill publishes');
select is(test.gold_fingerprint('{mart_freshness}'), :'live_gold', 'the backfill equals what the live pipeline produced');

select from pg_temp.stage(null);
select from test.merge('backfill2');
call smelt.backfill_gold('backfill2', '2026-03-02 00:00+00', '2026-03-04 00:00+00');
select is(test.gold_fingerprint('{mart_freshness}'), :'live_gold', 'running it twice changes nothing');
select is((select sum(rows) from smelt.refresh_runs
            where run_id = 'backfill2' and model in ('silver.post_observations', 'silver.posts', 'gold.fct_posts',
                                                      'gold.fct_engagement_minute', 'gold.mart_engagement_minute',
                                                      'gold.mart_hourly_activity', 'gold.mart_campaign_daily')),
          0::numeric, 'and writes nothing');

-- arrival order does not matter: rebuild everything from one batch
truncate silver.posts, silver.post_observations, silver.post_hashtags, silver.post_mentions,
         silver.campaign_posts, silver.comments, silver.users, silver.user_history,
         gold.dim_post, gold.dim_user, gold.dim_hashtag, gold.bridge_post_hashtag, gold.bridge_post_campaign,
         gold.fct_posts, gold.fct_engagement_minute, gold.fct_comments, gold.fct_user_activity_daily,
         gold.fct_campaign_author_daily, gold.mart_engagement_minute, gold.mart_hourly_activity,
         gold.mart_hashtag_sentiment_hourly, gold.mart_hashtag_daily, gold.mart_hashtag_totals_7d, gold.mart_campaign_daily,
         gold.mart_share_of_voice_daily, gold.mart_daily_active_users, gold.mart_volume_by_region_daily,
         gold.mart_volume_by_language_daily, smelt.dirty_posts, smelt.dirty_comments, smelt.dirty_users;
select from pg_temp.stage(null);
select from test.merge('oneshot');
select is(test.refresh('oneshot'), 'ok', 'a one-batch rebuild publishes');
select set_eq('select * from pg_temp.marts()', 'select * from live_marts',
              'the marts are the same whatever the arrival order');

-- a campaign added later counts its historical posts after a backfill
select from smelt.add_campaign('Nimbus deals', 'Nimbus', '{}', '{Nimbus Air}', '2026-03-01 00:00+00');
select is_empty($$select * from gold.mart_campaign_daily where campaign = 'Nimbus deals'$$,
                'a new campaign has no history before a backfill');
call smelt.backfill_gold('campaign', '2026-03-01 00:00+00', '2026-03-04 00:00+00');
select results_eq(
    $$select day, posts, authors, observations, likes_gained from gold.mart_campaign_daily
      where campaign = 'Nimbus deals' order by day$$,
    $$values ('2026-03-02'::date, 1::bigint, 1::bigint, 2::bigint, 15::bigint),
             ('2026-03-03', 0, 0, 1, 1)$$,
    'after a backfill its historical posts and their engagement count');

-- ending a campaign before its posts were created removes them after a backfill
select from smelt.end_campaign('Spring sale', '2026-03-02 09:30+00');
call smelt.backfill_gold('ended', '2026-03-02 09:30+00', '2026-03-04 00:00+00');
select results_eq(
    $$select day, posts from gold.mart_campaign_daily where campaign = 'Spring sale' order by day$$,
    $$values ('2026-03-02'::date, 1::bigint)$$,
    'an ended campaign no longer counts posts created after its end');
select is_empty(
    $$select * from smelt.run_checks('c', 'error') where failing_rows > 0$$,
    'every error check passes after the backfills');

select * from finish();
rollback;
